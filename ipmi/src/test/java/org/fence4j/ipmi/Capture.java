package org.fence4j.ipmi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A tcpdump capture turned into a table: one datagram per line, '>' console to BMC, '<' back. */
public record Capture(List<Datagram> datagrams) {

    public record Datagram(boolean toBmc, byte[] bytes) {
    }

    public static Capture load(String resource) {
        try (InputStream in = Capture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            List<Datagram> list = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                list.add(new Datagram(parts[0].equals(">"), HexFormat.of().parseHex(parts[1])));
            }
            return new Capture(List.copyOf(list));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] get(int index) {
        return datagrams.get(index).bytes();
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
