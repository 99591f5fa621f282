package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.bot.KnowledgeHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How {@code doctor} words the knowledge findings: a FAIL per problem naming the article, a WARN per confusion. */
class DoctorTest {

  private static List<String> lines(KnowledgeHealth.Report report) {
    var out = new ArrayList<Doctor.Finding>();
    DoctorKnowledgeChecks.knowledgeFindings(report, out::add);
    return out.stream().map(DoctorCommand::line).toList();
  }

  private static final KnowledgeHealth.Coverage COVERAGE = new KnowledgeHealth.Coverage(40, 36, 30, 29, 55);

  @Test
  void aHealthyReportIsOkLinesOnly() {
    var lines = lines(new KnowledgeHealth.Report(10, 200, Set.of("en", "cs"), List.of(), List.of(), List.of(),
        List.of(), COVERAGE));

    assertThat(lines).containsExactly(
        "OK   knowledge: every article has sample questions in every locale",
        "OK   knowledge: every article exists in every language (cs, en)",
        "OK   knowledge: no near-duplicate sample questions point at different articles",
        "OK   knowledge: no article is confused with another in the leave-one-out",
        "OK   knowledge: leave-one-out over 40 sample questions: 90 % ranked their own article first; at the "
            + "threshold of 55 % the bot would answer 75 % of them, 97 % of those with the right article (an upper "
            + "estimate: real messages are worded less like the samples)");
  }

  @Test
  void eachProblemIsAFailLineNamingTheArticleAndTheFix() {
    var lines = lines(new KnowledgeHealth.Report(10, 200, Set.of("en", "cs", "pl"),
        List.of(new KnowledgeHealth.NoQuestions("refunds", "en"), new KnowledgeHealth.NoQuestions("refunds", "cs")),
        List.of(new KnowledgeHealth.MissingLocales("invoices", List.of("cs", "pl"))),
        List.of(new KnowledgeHealth.NearDuplicate("en", "returns", "Can I return it?", "refunds", "Can I return it?",
            1.0)),
        List.of(new KnowledgeHealth.Confusion("delivery", "returns", 6, 4, 50)),
        new KnowledgeHealth.Coverage(40, 20, 12, 10, 55)));

    assertThat(lines).containsExactly(
        "FAIL knowledge: article 'refunds' has no sample questions in en, cs: add three to five ways customers ask "
            + "it under 'questions:' (the bot matches messages to them and fits its confidence on them)",
        "FAIL knowledge: article 'invoices' is missing in cs, pl (languages: cs, en, pl): add a translation with id "
            + "invoices and locale cs, or customers writing in it get another language's version",
        "FAIL knowledge: sample question \"Can I return it?\" of article 'returns' and \"Can I return it?\" of "
            + "article 'refunds' (en) are near-duplicates (similarity 1.00): reword or remove one, or merge the "
            + "articles",
        "WARN knowledge: articles 'delivery' and 'returns' are confused: 6 of their 50 sample questions, each held "
            + "out, go to the other (4 above the threshold): make their titles and questions say what sets them "
            + "apart",
        "WARN knowledge: leave-one-out over 40 sample questions: 50 % ranked their own article first; at the "
            + "threshold of 55 % the bot would answer 30 % of them, 83 % of those with the right article (an upper "
            + "estimate: real messages are worded less like the samples): below half; add sample questions or lower "
            + "bot.thresholdPercent after checking precision with eval");
  }
}
