package org.fence4j.meatware.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfirmerTest {

    @Test
    void tokensAreSingleWordsWhateverTheNamesContain() {
        Confirmer c = new Confirmer("ev il\nname", "bob", "0", "/dev/pts/1");

        assertThat(c.tokens()).isEqualTo("by=ev_il_name sudo_user=bob uid=0 tty=/dev/pts/1");
    }

    @Test
    void leavesOutAnAbsentSudoUser() {
        assertThat(new Confirmer("root", "", "0", "none").tokens()).isEqualTo("by=root uid=0 tty=none");
    }

    @Test
    void readsUidFromProcAndSudoUserFromTheEnvironment() {
        Confirmer c = Confirmer.of("root", Map.of("SUDO_USER", "alice"), Path.of("/proc/self"));

        assertThat(c.uid()).matches("\\d+");
        assertThat(c.sudoUser()).isEqualTo("alice");
    }
}
