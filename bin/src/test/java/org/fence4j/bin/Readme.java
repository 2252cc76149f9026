package org.fence4j.bin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's README.md, for tests that run what it shows. */
final class Readme {
    private static final Path FILE = Path.of("../README.md");

    private Readme() {
    }

    /** The ```sh blocks that contain {@code text}, in the README's order. */
    static List<String> shellBlocksWith(String text) throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(FILE));
        while (m.find()) {
            if (m.group(1).contains(text)) {
                blocks.add(m.group(1));
            }
        }
        return blocks;
    }
}
