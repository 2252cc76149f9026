package org.fence4j.meatware.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Collections;
import org.fence4j.meatware.prompt.ConfirmationQuestion.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfirmationQuestionTest {
    private final FakeConsole console = new FakeConsole();
    private final ConfirmationQuestion question = new ConfirmationQuestion(console, "pm02");

    @Test
    void warningNamesTheTargetAndTheConsequence() {
        question.warn();

        assertThat(console.screen()).contains("pm02 has NOT really been reset").contains("data on shared disks")
                .contains("corrupted");
    }

    @Test
    void onlyTheNameTypedBackConfirms() throws IOException {
        console.type("pm01", "pm02");

        assertThat(question.ask(null)).isEqualTo(Decision.CONFIRMED);
        assertThat(console.shown()).containsExactly(
                "Type the node name \"pm02\" to confirm it is down, or \"no\" to cancel: ",
                "Refused: \"pm01\" is not pm02.",
                "Type the node name \"pm02\" to confirm it is down, or \"no\" to cancel: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "yes", "Y", "YES"})
    void aReflexiveYesIsRefused(String yes) throws IOException {
        console.type(yes, "no");

        assertThat(question.ask(null)).isEqualTo(Decision.CANCELLED);
        assertThat(console.screen()).contains("Refused: type the node name \"pm02\" itself, not \"" + yes + "\".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "NO", "n", " no "})
    void noCancels(String no) throws IOException {
        console.type(no);

        assertThat(question.ask(null)).isEqualTo(Decision.CANCELLED);
    }

    @Test
    void endOfInputCancels() throws IOException {
        console.type(FakeConsole.END_OF_INPUT);

        assertThat(question.ask(null)).isEqualTo(Decision.CANCELLED);
    }

    @Test
    void blankAndSimilarNamesAreRefused() throws IOException {
        console.type("", "pm02x", "pm0", " pm02 ");

        assertThat(question.ask(null)).isEqualTo(Decision.CONFIRMED);
        assertThat(console.screen()).contains("Refused: \"\" is not pm02.").contains("Refused: \"pm02x\" is not pm02.")
                .contains("Refused: \"pm0\" is not pm02.");
    }

    @Test
    void givesUpAfterTooManyWrongAnswers() throws IOException {
        console.type(Collections.nCopies(ConfirmationQuestion.MAX_ANSWERS, "pm01").toArray(String[]::new));
        console.type("pm02");

        assertThat(question.ask(null)).isEqualTo(Decision.CANCELLED);
        assertThat(console.screen()).endsWith("Too many refused answers; cancelled.");
    }

    @Test
    void printsTheStatusLineAboveEachQuestion() throws IOException {
        console.type("x", "pm02");
        int[] calls = {0};

        question.ask(() -> "status " + ++calls[0]);

        assertThat(console.shown()).containsSubsequence("status 1", "Type the node name \"pm02\" to confirm it is down,"
                + " or \"no\" to cancel: ", "status 2");
    }
}
