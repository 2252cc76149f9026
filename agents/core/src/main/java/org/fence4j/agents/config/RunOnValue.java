package org.fence4j.agents.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Scanner;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.ScalarToken;
import org.yaml.snakeyaml.tokens.Token;

/**
 * A key whose ':' is missing ("helper-pm02" above its indented "agent: toy"): SnakeYAML reads it as
 * a value running on into the next line and says "mapping values are not allowed here" at that
 * line's ':', the line after the mistake.
 */
final class RunOnValue {
    static final String PROBLEM = "mapping values are not allowed here";

    private RunOnValue() {
    }

    /**
     * The line (from 1) of the last value read before {@code text}'s error when it stands alone at
     * the start of its line, as a key without its ':' does; 0 otherwise (e.g. the value of a key on
     * its line, which a next line indented too deep runs on: that next line is the mistake).
     */
    static int bareKeyLine(String text) {
        Scanner scanner = new ScannerImpl(new StreamReader(text), new LoaderOptions());
        int bareKeyLine = 0;
        int previousLine = -1;
        try {
            while (!scanner.checkToken(Token.ID.StreamEnd)) {
                Token token = scanner.getToken();
                int line = token.getStartMark().getLine();
                if (token instanceof ScalarToken) {
                    bareKeyLine = line > previousLine ? line + 1 : 0;
                }
                previousLine = token.getEndMark().getLine();
            }
        } catch (YAMLException e) {
            // the error the parser found: the value read last is the one it ends
        }
        return bareKeyLine;
    }
}
