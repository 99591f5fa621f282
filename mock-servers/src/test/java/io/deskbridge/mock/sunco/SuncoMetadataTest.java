package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Switchboard and message metadata: a flat object of strings, numbers and booleans, at most 4096 bytes. */
class SuncoMetadataTest {
  private static ObjectNode withValue(int chars) {
    // {"k":"..."} is 8 bytes around the value
    return SuncoJson.obj().put("k", "x".repeat(chars - 8));
  }

  @Test
  void exactly4096BytesPassAndOneMoreIsTheDocumentedBadRequest() {
    assertThat(SuncoJson.bytes(withValue(4096))).hasSize(4096);
    assertThat(SuncoChecks.metadata(withValue(4096))).isEqualTo(withValue(4096));
    assertThatThrownBy(() -> SuncoChecks.metadata(withValue(4097))).isInstanceOfSatisfying(SuncoError.class, e -> {
      assertThat(e.status).isEqualTo(400);
      assertThat(e.body().toString())
          .isEqualTo("{\"errors\":[{\"code\":\"bad_request\",\"title\":"
            + "\"Metadata is limited to 4096 bytes in size.\"}]}");
    });
  }

  @Test
  void multiByteCharactersCountAsTheirUtf8Bytes() {
    ObjectNode m = SuncoJson.obj().put("k", "é".repeat(2045)); // 4090 bytes of value + 8
    assertThatThrownBy(() -> SuncoChecks.metadata(m)).isInstanceOf(SuncoError.class);
  }

  @Test
  void nestedObjectsArraysAndNullsAreRefused() {
    ObjectNode nested = SuncoJson.obj();
    nested.putObject("a").put("b", 1);
    ObjectNode array = SuncoJson.obj();
    array.putArray("a").add(1);
    ObjectNode nul = SuncoJson.obj().putNull("a");
    for (ObjectNode m : new ObjectNode[] {nested, array, nul}) {
      assertThatThrownBy(() -> SuncoChecks.metadata(m)).isInstanceOfSatisfying(SuncoError.class,
          e -> assertThat(e.getMessage()).contains("flat object"));
    }
    assertThat(SuncoChecks.metadata(SuncoJson.obj().put("s", "x").put("n", 1.5).put("b", true))).hasSize(3);
  }
}
