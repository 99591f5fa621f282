package io.deskbridge.mock.salesforce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.w3c.dom.Element;

/**
 * A deploy's zip as the Metadata API reads it (the {@code --metadata-dir} format): {@code package.xml} names the
 * components, each found in its file; {@code destructiveChanges.xml} names the ones to delete. A component named but
 * not in its file, or of a type the fake does not know, carries the problem Salesforce reports. Immutable.
 *
 * @param components the components to create or update, in {@code package.xml}'s order
 * @param deletions  the components to delete (their {@code element} is null)
 */
record DeployPackage(List<Component> components, List<Component> deletions) {
  /** The types the fake deploys and reads. */
  static final Set<String> TYPES = Set.of("CustomField", "WorkflowOutboundMessage", "Flow", "PermissionSet");

  /**
   * One component.
   *
   * @param type     the metadata type
   * @param fullName e.g. {@code Case.Deskbridge_acme_Case}
   * @param fileName the file it comes from
   * @param element  its element (the file's root or the object file's child), null for a deletion or a problem
   * @param problem  why it cannot be deployed, or null
   */
  record Component(String type, String fullName, String fileName, Element element, String problem) {}

  static DeployPackage read(ZipInputStream zip) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      files.put(e.getName().replaceFirst("^(unpackaged/)", ""), zip.readAllBytes());
    }
    byte[] manifest = files.get("package.xml");
    if (manifest == null) {
      throw new IllegalArgumentException("No package.xml found");
    }
    List<Component> components = new ArrayList<>();
    for (String[] m : members(manifest)) {
      components.add(find(files, m[0], m[1]));
    }
    List<Component> deletions = new ArrayList<>();
    byte[] destructive = files.get("destructiveChanges.xml");
    if (destructive != null) {
      for (String[] m : members(destructive)) {
        deletions.add(new Component(m[0], m[1], "destructiveChanges.xml", null,
            TYPES.contains(m[0]) ? null : "Unknown type name '" + m[0] + "' specified in destructiveChanges.xml"));
      }
    }
    return new DeployPackage(components, deletions);
  }

  private static List<String[]> members(byte[] xml) {
    Element root = Xml.parse(xml).getDocumentElement();
    if (!MetadataApi.NS.equals(root.getNamespaceURI()) || !"Package".equals(root.getLocalName())) {
      throw new IllegalArgumentException("a manifest's root must be Package in " + MetadataApi.NS);
    }
    List<String[]> out = new ArrayList<>();
    for (Element types : Xml.all(root, "types")) {
      String name = Xml.text(types, "name");
      for (Element m : Xml.all(types, "members")) {
        out.add(new String[] {name == null ? "" : name.trim(), m.getTextContent().trim()});
      }
    }
    return out;
  }

  private static Component find(Map<String, byte[]> files, String type, String fullName) {
    String object = fullName.contains(".") ? fullName.substring(0, fullName.indexOf('.')) : fullName;
    String member = fullName.substring(fullName.indexOf('.') + 1);
    String file;
    String child;
    switch (type) {
      case "CustomField" -> {
        file = "objects/" + object + ".object";
        child = "fields";
      }
      case "WorkflowOutboundMessage" -> {
        file = "workflows/" + object + ".workflow";
        child = "outboundMessages";
      }
      case "Flow" -> {
        file = "flows/" + fullName + ".flow";
        child = null;
      }
      case "PermissionSet" -> {
        file = "permissionsets/" + fullName + ".permissionset";
        child = null;
      }
      default -> {
        return new Component(type, fullName, "package.xml", null, "Unknown type name '" + type
            + "' specified in package.xml");
      }
    }
    byte[] content = files.get(file);
    String missing = "An object '" + fullName + "' of type " + type + " was named in package.xml, but was not found "
        + "in zipped directory";
    if (content == null) {
      return new Component(type, fullName, file, null, missing);
    }
    Element root;
    try {
      root = Xml.parse(content).getDocumentElement();
    } catch (IllegalArgumentException e) {
      return new Component(type, fullName, file, null, "Error parsing file: " + e.getMessage());
    }
    if (!MetadataApi.NS.equals(root.getNamespaceURI())) {
      return new Component(type, fullName, file, null, "Error parsing file: the root element is not in "
          + MetadataApi.NS);
    }
    if (child == null) {
      return new Component(type, fullName, file, root, null);
    }
    for (Element e : Xml.all(root, child)) {
      if (member.equals(Xml.text(e, "fullName") == null ? null : Xml.text(e, "fullName").trim())) {
        return new Component(type, fullName, file, e, null);
      }
    }
    return new Component(type, fullName, file, null, missing);
  }

  /** The element as unprefixed XML (the children inherit the envelope body's default namespace). */
  static String serialize(Element e) {
    StringBuilder x = new StringBuilder();
    write(e, x);
    return x.toString();
  }

  private static void write(Element e, StringBuilder x) {
    x.append('<').append(e.getLocalName()).append('>');
    List<Element> kids = Xml.children(e);
    if (kids.isEmpty()) {
      x.append(Xml.escape(e.getTextContent().strip()));
    } else {
      kids.forEach(k -> write(k, x));
    }
    x.append("</").append(e.getLocalName()).append('>');
  }
}
