package org.fence4j.agents.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.junit.jupiter.api.Test;

class AgentRegistryTest {
    /** Providers handed out one by one, counting how many were read (a jar opened, on the class path). */
    private static final class Counted implements Iterable<FenceAgentProvider> {
        final List<FenceAgentProvider> providers;
        int read;

        Counted(FenceAgentProvider... providers) {
            this.providers = List.of(providers);
        }

        @Override
        public Iterator<FenceAgentProvider> iterator() {
            Iterator<FenceAgentProvider> all = providers.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public FenceAgentProvider next() {
                    read++;
                    return all.next();
                }
            };
        }
    }

    @Test
    void aLookupReadsNoFurtherThanTheProviderItNeeds() throws Exception {
        Counted providers = new Counted(new ToyAgentProvider(), new NamedToy("second"), new NamedToy("third"));
        AgentRegistry registry = AgentRegistry.of(providers);
        assertThat(registry.require(ToyAgentProvider.TYPE).type()).isEqualTo(ToyAgentProvider.TYPE);
        assertThat(providers.read).isEqualTo(1);
        assertThat(registry.types()).containsExactly("second", "third", ToyAgentProvider.TYPE);
        assertThat(providers.read).isEqualTo(3);
    }

    @Test
    void anUnknownTypeNamesEveryInstalledOne() {
        AgentRegistry registry = AgentRegistry.of(new Counted(new ToyAgentProvider(), new NamedToy("second")));
        assertThatThrownBy(() -> registry.require("ipmi")).isInstanceOf(ParameterException.class)
                .hasMessage("unknown agent type 'ipmi'; installed agent types: second, toy");
    }

    @Test
    void aTypeClaimedTwiceIsAnErrorOnceBothClaimsAreRead() throws Exception {
        AgentRegistry registry = AgentRegistry.of(new Counted(new NamedToy("second"), new ToyAgentProvider(),
                new NamedToy("second")));
        assertThat(registry.require(ToyAgentProvider.TYPE)).isNotNull();
        assertThatThrownBy(registry::types).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two agents claim type 'second'");
    }

    /** A launcher names its type's provider: a lookup of that type reads no service entry at all. */
    @Test
    void theProviderALauncherNamesAnswersWithoutTheClassPath() throws Exception {
        Counted providers = new Counted(new NamedToy("second"), new ToyAgentProvider());
        AgentRegistry registry = AgentRegistry.load(ToyAgentProvider.class.getName(), providers);
        assertThat(registry.require(ToyAgentProvider.TYPE)).isInstanceOf(ToyAgentProvider.class);
        assertThat(providers.read).isZero();
        // the class path's copy of the named provider is no second claim of its type
        assertThat(registry.types()).containsExactly("second", ToyAgentProvider.TYPE);
        assertThat(providers.read).isEqualTo(2);
    }

    /** A name that is no provider (a stale or broken launcher) is passed over: the class path answers. */
    @Test
    void aNameThatIsNoProviderIsPassedOver() throws Exception {
        for (String name : new String[] {"org.fence4j.NoSuchProvider", String.class.getName(), ""}) {
            Counted providers = new Counted(new NamedToy("second"), new ToyAgentProvider());
            AgentRegistry registry = AgentRegistry.load(name, providers);
            assertThat(registry.require(ToyAgentProvider.TYPE)).isInstanceOf(ToyAgentProvider.class);
            assertThat(providers.read).isEqualTo(2);
        }
        assertThat(AgentRegistry.load(null, new Counted(new ToyAgentProvider())).types())
                .containsExactly(ToyAgentProvider.TYPE);
    }

    /** Another class claiming the named provider's type is still a clash. */
    @Test
    void anotherClaimOfTheNamedProvidersTypeIsAnError() {
        AgentRegistry registry = AgentRegistry.load(ToyAgentProvider.class.getName(),
                new Counted(new NamedToy(ToyAgentProvider.TYPE)));
        assertThatThrownBy(registry::types).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two agents claim type '" + ToyAgentProvider.TYPE + "'");
    }

    /**
     * fence-cli's launcher names every provider: each is made only when a lookup reaches it, and the
     * class path is read only for a type none of them has (a driver installed beside fence4j's).
     */
    @Test
    void namedProvidersAreMadeInTheirOrderEachWhenALookupReachesIt() throws Exception {
        Counted providers = new Counted(new ToyAgentProvider(), new SecondToy(), new NamedToy("third"));
        SecondToy.made = 0;
        String named = ToyAgentProvider.class.getName() + ",org.fence4j.NoSuchProvider," + SecondToy.class.getName();
        AgentRegistry registry = AgentRegistry.load(named, providers);
        assertThat(registry.require(ToyAgentProvider.TYPE)).isInstanceOf(ToyAgentProvider.class);
        assertThat(SecondToy.made).isZero();
        assertThat(registry.require(SecondToy.TYPE)).isInstanceOf(SecondToy.class);
        assertThat(SecondToy.made).isEqualTo(1);
        assertThat(providers.read).isZero();
        assertThat(registry.require("third")).isInstanceOf(NamedToy.class);
        // the class path's copies of the named ones are no second claim of their types
        assertThat(registry.types()).containsExactly(SecondToy.TYPE, "third", ToyAgentProvider.TYPE);
        assertThat(providers.read).isEqualTo(3);
    }

    /** A second toy type whose provider a launcher can name (public, with a public constructor). */
    public static final class SecondToy extends NamedToy {
        static final String TYPE = "second-toy";
        static int made;

        public SecondToy() {
            super(TYPE);
            made++;
        }
    }

    /** The toy agent under another type name. */
    private static class NamedToy implements FenceAgentProvider {
        private final ToyAgentProvider toy = new ToyAgentProvider();
        private final String type;

        NamedToy(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public AgentInfo info() {
            return toy.info();
        }

        @Override
        public List<ParameterSpec> parameters() {
            return toy.parameters();
        }

        @Override
        public FenceAgent create(Parameters parameters) throws ParameterException {
            return toy.create(parameters);
        }
    }
}
