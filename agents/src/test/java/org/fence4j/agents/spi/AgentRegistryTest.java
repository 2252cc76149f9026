package org.fence4j.agents.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
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

    /** The toy agent under another type name. */
    private static final class NamedToy implements FenceAgentProvider {
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
