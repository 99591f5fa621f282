package io.deskbridge.core.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.cz.CzechStemFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 over the knowledge texts (titles and sample questions), each analysed as the language of its article:
 *
 * <ul>
 *   <li>{@code en}: Lucene's English analyzer (stop words, possessives, Porter stemming);
 *   <li>{@code cs}: Lucene's Czech analyzer (stop words, light stemming), then accents folded, so that text typed
 *       without diacritics matches;
 *   <li>{@code pl}: Lucene's Polish analyzer (stempel, stop words), then accents folded;
 *   <li>{@code sk}: the Czech light stemmer, then accents folded;
 *   <li>{@code sl} and any other language: words folded and truncated to their first {@value #PREFIX} letters.
 * </ul>
 *
 * (Why these analyzers: docs/quality.md, "How the bot decides".)
 *
 * A message is analysed once per language present in the knowledge base and searched in that language's texts. The
 * score of a text is BM25 divided by the score a text made of exactly the message's words would get ({@code Σ idf ·
 * 1/(1+k1)} over the message's distinct terms, words unknown to that language counted at the highest idf), so that
 * it reads like a similarity: about 1 when every word matches a text of average length, lower when words are missing,
 * comparable across messages and languages. Immutable and thread-safe once built.
 */
final class LexicalIndex {

  static final int PREFIX = 5;
  private static final float K1 = 1.2f;
  private static final int TOP = 50;

  private final Map<String, Analyzer> analyzers = new HashMap<>();
  private final Map<String, Integer> docsPerField = new HashMap<>();
  private final IndexSearcher searcher;
  private final int[] entryOfDoc;
  private final int size;
  private final String[] fieldOf;
  private final List<java.util.Set<String>> termsOf = new ArrayList<>();

  /**
   * @param texts   the texts to index, by entry number
   * @param locales each text's language (ISO 639-1), by entry number
   */
  LexicalIndex(List<String> texts, List<String> locales) {
    this(texts, locales, LexicalIndex::analyzer);
  }

  /** As {@link #LexicalIndex(List, List)} with another analyzer per language (to compare analyzers). */
  LexicalIndex(List<String> texts, List<String> locales, java.util.function.Function<String, Analyzer> analyzerOf) {
    var directory = new ByteBuffersDirectory();
    var perField = new HashMap<String, Analyzer>();
    for (var locale : new LinkedHashSet<>(locales)) {
      analyzers.put(locale, analyzerOf.apply(locale));
      perField.put(field(locale), analyzers.get(locale));
    }
    var config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField))
        .setSimilarity(new BM25Similarity());
    fieldOf = new String[texts.size()];
    try (var writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < texts.size(); i++) {
        fieldOf[i] = field(locales.get(i));
        termsOf.add(java.util.Set.copyOf(terms(analyzers.get(locales.get(i)), fieldOf[i], texts.get(i))));
        var doc = new Document();
        doc.add(new TextField(field(locales.get(i)), texts.get(i), Field.Store.NO));
        doc.add(new StoredField("entry", i));
        writer.addDocument(doc);
        docsPerField.merge(field(locales.get(i)), 1, Integer::sum);
      }
      writer.forceMerge(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      var reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity());
      entryOfDoc = new int[reader.maxDoc()];
      var stored = reader.storedFields();
      for (int d = 0; d < reader.maxDoc(); d++) {
        entryOfDoc[d] = stored.document(d).getField("entry").numericValue().intValue();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    size = texts.size();
  }

  /**
   * What the lexical search finds for a message, in one analysis per language.
   *
   * @param scores   the normalised BM25 similarity of the message to every indexed text (0 for texts it does not
   *                 match), by entry number
   * @param coverage the share of the message's words (after analysis) that occur in the indexed texts of one
   *                 language, the best language's share: a message about something the knowledge base does not
   *                 cover tends to use words it never uses; 0 when the message has no words left after analysis
   */
  record Match(double[] scores, double coverage) {}

  /**
   * Searches every language's texts for the message.
   *
   * @param skip entries to leave out of the results (for cross-validation; their words still count in the BM25
   *             term statistics, but not in the coverage); may be null
   */
  Match match(String message, boolean[] skip) {
    var scores = new double[size];
    double coverage = 0;
    for (var language : analyzers.entrySet()) {
      var field = field(language.getKey());
      var terms = terms(language.getValue(), field, message);
      if (terms.isEmpty()) {
        continue;
      }
      try {
        int docs = docsPerField.get(field);
        double norm = 0;
        int known = 0;
        var query = new BooleanQuery.Builder();
        var lookup = new TermLookup(field);
        for (var term : terms) {
          int df = lookup.seek(term);
          norm += Math.log(1 + (docs - df + 0.5) / (df + 0.5)) / (1 + K1);
          if (df > 0) {
            query.add(lookup.query(), Occur.SHOULD);
            if (unskipped(df, field, term, skip) > 0) {
              known++;
            }
          }
        }
        coverage = Math.max(coverage, (double) known / terms.size());
        var built = query.build();
        if (built.clauses().isEmpty()) {
          continue;
        }
        int wanted = skip == null ? TOP : TOP + countSkipped(skip);
        for (var hit : searcher.search(built, Math.min(wanted, size)).scoreDocs) {
          int entry = entryOfDoc[hit.doc];
          if (skip == null || !skip[entry]) {
            scores[entry] = Math.max(scores[entry], hit.score / norm);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Match(scores, coverage);
  }

  /**
   * The terms of one field looked up with one {@link TermsEnum} for a whole message, and each found term's query given
   * the statistics found: the same BM25 scores as a plain {@link TermQuery}, which would look each term up twice, on
   * an enumerator of its own each time (most of the search's garbage). Any number of segments but one (the index is
   * merged to one) takes the plain way. Not thread-safe: one per call.
   */
  private final class TermLookup {
    private final String field;
    private final TermsEnum terms;
    private Term term;
    private TermStates states;

    TermLookup(String field) throws IOException {
      this.field = field;
      var reader = searcher.getIndexReader();
      var fieldTerms = reader.leaves().size() == 1 ? reader.leaves().get(0).reader().terms(field) : null;
      this.terms = fieldTerms == null ? null : fieldTerms.iterator();
    }

    /** Looks the term up; its document frequency, 0 when no text has it. */
    int seek(String text) throws IOException {
      term = new Term(field, text);
      states = null;
      if (terms == null) {
        return searcher.getIndexReader().docFreq(term);
      }
      if (!terms.seekExact(term.bytes())) {
        return 0;
      }
      states = new TermStates(searcher.getTopReaderContext(), terms.termState(), 0, terms.docFreq(),
          terms.totalTermFreq());
      return terms.docFreq();
    }

    /** The query for the term last looked up. */
    TermQuery query() {
      return states == null ? new TermQuery(term) : new TermQuery(term, states);
    }
  }

  /** The normalised BM25 similarity of the message to every indexed text; see {@link #match}. */
  double[] scores(String message, boolean[] skip) {
    return match(message, skip).scores();
  }

  /** The term's document frequency in the field without the skipped entries. */
  private int unskipped(int df, String field, String term, boolean[] skip) {
    if (skip != null) {
      for (int i = 0; i < size && df > 0; i++) {
        if (skip[i] && fieldOf[i].equals(field) && termsOf.get(i).contains(term)) {
          df--;
        }
      }
    }
    return df;
  }

  /** The distinct terms the analyser of this language makes of the text (for tests and diagnostics). */
  List<String> analyze(String locale, String text) {
    return new ArrayList<>(terms(analyzers.getOrDefault(locale, analyzer(locale)), field(locale), text));
  }

  private static int countSkipped(boolean[] skip) {
    int n = 0;
    for (boolean s : skip) {
      if (s) {
        n++;
      }
    }
    return Math.min(n, 10_000);
  }

  private static LinkedHashSet<String> terms(Analyzer analyzer, String field, String text) {
    var terms = new LinkedHashSet<String>();
    try (var stream = analyzer.tokenStream(field, text)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  private static String field(String locale) {
    return "text_" + locale;
  }

  /**
   * An analyzer by name, for the comparison in docs/quality.md: {@code czech-light}, {@code polish-stempel} (each then
   * folded to ASCII), {@code fold} (lower case and folded only) or {@code truncate-N} (folded, then cut to N letters).
   */
  static Analyzer named(String name) {
    if (name.startsWith("truncate-")) {
      int letters = Integer.parseInt(name.substring("truncate-".length()));
      return chain(s -> new TruncateTokenFilter(new ASCIIFoldingFilter(new LowerCaseFilter(s)), letters));
    }
    return switch (name) {
      case "czech-light" -> folded(new CzechAnalyzer());
      case "polish-stempel" -> folded(new PolishAnalyzer());
      case "fold" -> chain(s -> new ASCIIFoldingFilter(new LowerCaseFilter(s)));
      default -> throw new IllegalArgumentException("no analyzer " + name);
    };
  }

  /** The standard tokenizer followed by the given filters. */
  static Analyzer chain(java.util.function.Function<Tokenizer, TokenStream> filters) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, filters.apply(source));
      }
    };
  }

  static Analyzer analyzer(String locale) {
    return switch (locale) {
      case "en" -> new EnglishAnalyzer();
      case "cs" -> folded(new CzechAnalyzer());
      case "pl" -> folded(new PolishAnalyzer());
      case "sk" -> new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = new StandardTokenizer();
          TokenStream result = new LowerCaseFilter(source);
          result = new CzechStemFilter(result);
          return new TokenStreamComponents(source, new ASCIIFoldingFilter(result));
        }
      };
      default -> new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = new StandardTokenizer();
          TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(source));
          return new TokenStreamComponents(source, new TruncateTokenFilter(result, PREFIX));
        }
      };
    };
  }

  /** The analyzer's output with accents folded (ASCII), so that text typed without diacritics matches. */
  private static Analyzer folded(Analyzer inner) {
    return new org.apache.lucene.analysis.AnalyzerWrapper(inner.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return inner;
      }

      @Override
      protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(), new ASCIIFoldingFilter(components.getTokenStream()));
      }
    };
  }

  @Override
  public String toString() {
    return "LexicalIndex" + Arrays.toString(analyzers.keySet().toArray());
  }
}
