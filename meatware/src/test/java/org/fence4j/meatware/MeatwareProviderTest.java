package org.fence4j.meatware;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.RawParameter;
import org.fence4j.agents.testing.Nobody;
import org.fence4j.meatware.rendezvous.TrustedTempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeatwareProviderTest {
    private final MeatwareProvider provider = new MeatwareProvider();

    private FenceAgent create(String... keyValues) throws ParameterException {
        List<RawParameter> raw = new java.util.ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.add(new RawParameter(keyValues[i], keyValues[i + 1], Origin.file("fence4j.yaml", 7 + i)));
        }
        return provider.create(DeclaredParameters.resolve(provider.parameters(), raw, DeclaredParameters.Unknown.REJECT, k -> null));
    }

    @Test
    void isFoundByTheRegistry() {
        assertThat(AgentRegistry.load().find("meatware")).get().isInstanceOf(MeatwareProvider.class);
    }

    @Test
    void declaresClusterGluesHostlistPlusTimeoutAndRendezvousDirectory() {
        assertThat(provider.parameters()).extracting(ParameterSpec::name)
                .containsExactly("hostlist", "wait_timeout", "rendezvous_dir");
        assertThat(provider.parameters().get(0).required()).isTrue();
        assertThat(provider.parameters().get(1).defaultValue()).isEqualTo("600");
        assertThat(provider.parameters().get(2).defaultValue()).isEqualTo("/run");
        assertThat(provider.actions()).doesNotContain(FenceAction.ON).contains(FenceAction.RESET, FenceAction.OFF);
    }

    @Test
    void hostlistIsSplitOnSpacesAndCommasAndLowerCased() throws ParameterException {
        assertThat(create("hostlist", "PM01, pm02  pm01").targets()).containsExactly("pm01", "pm02");
    }

    @Test
    void validateNamesARendezvousDirectoryEveryFenceWouldRefuse(@TempDir(factory = TrustedTempDir.class) Path trusted,
            @TempDir Path underTmp) throws Exception {
        Deadline deadline = Deadline.after(Duration.ofSeconds(10));
        assertThat(create("hostlist", "pm02", "rendezvous_dir", trusted.toString()).problems(deadline)).isEmpty();
        // /tmp is sticky and world-writable: another user could answer in the operator's place
        assertThat(create("hostlist", "pm02", "rendezvous_dir", underTmp.toString()).problems(deadline))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .startsWith("rendezvous_dir: the rendezvous directory " + underTmp + " is not safe: ");
        assertThat(create("hostlist", "pm02", "rendezvous_dir", trusted.resolve("missing").toString())
                .problems(deadline)).containsExactly("rendezvous_dir: the rendezvous directory "
                        + trusted.resolve("missing") + " does not exist; expected a directory of root's such as /run");
        Nobody.assumeRoot();
        Path theirs = Files.createDirectory(trusted.resolve("theirs"));
        Nobody.own(theirs);
        assertThat(create("hostlist", "pm02", "rendezvous_dir", theirs.toString()).problems(deadline))
                .singleElement(as(InstanceOfAssertFactories.STRING)).contains("is owned by nobody (uid 65534)");
    }

    @Test
    void missingHostlistIsNamed() {
        assertThatThrownBy(() -> create()).isInstanceOf(ParameterException.class)
                .hasMessageContaining("missing required parameter 'hostlist'");
    }

    @Test
    void unsafeNodeNamesRelativeDirectoriesAndZeroTimeoutsAreRefused() {
        assertThatThrownBy(() -> create("hostlist", "pm01 ../etc", "rendezvous_dir", "run", "wait_timeout", "0"))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.problems()).containsExactly(
                        "hostlist: expected a node name (letters, digits, '.', '-', '_'; not starting with '.' or '-'),"
                                + " got '../etc'",
                        "wait_timeout: expected a number of seconds above 0, got 0",
                        "rendezvous_dir: expected an absolute directory, got 'run'"));
    }

    @Test
    void emptyHostlistIsRefused() {
        assertThatThrownBy(() -> create("hostlist", " , ")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("hostlist: expected at least one node name");
    }
}
