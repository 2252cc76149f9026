package org.fence4j.meatware;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.syslog.Syslog;
import org.fence4j.meatware.prompt.OperatorConsole;
import org.fence4j.meatware.prompt.TerminalConsole;
import org.fence4j.meatware.rendezvous.Confirmer;
import org.fence4j.meatware.rendezvous.Hostnames;
import org.fence4j.meatware.rendezvous.Rendezvous;

/** Agent type {@code meatware}: cluster-glue's meatware, with a prompt on fence-cli's terminal. */
public final class MeatwareProvider implements FenceAgentProvider {
    static final ParameterSpec HOSTLIST = ParameterSpec.string("hostlist", "Hostlist")
            .asRequired()
            .withLongDescription("The list of hosts that the STONITH device controls, separated by spaces or commas.");
    static final ParameterSpec WAIT_TIMEOUT = ParameterSpec.seconds("wait_timeout", "Longest wait for the operator")
            .withDefault("600")
            .withLongDescription("Seconds to wait for an operator's confirmation before the level ends with a"
                    + " timeout (cluster-glue's meatware gives a connected meatclient 600 s). A shorter level timeout"
                    + " ends the wait first.");
    static final ParameterSpec RENDEZVOUS_DIR = ParameterSpec.string("rendezvous_dir",
                    "Directory of the confirmation FIFO")
            .withDefault(Rendezvous.DEFAULT_DIR.toString())
            .withLongDescription("The request waits on the FIFO <rendezvous_dir>/meatware.<node>. cluster-glue's"
                    + " meatclient and meatware plugin have /run/meatware.<node> compiled in: with another directory"
                    + " only fence-cli confirm --rendezvous-dir reaches the request. It and every directory above it"
                    + " must be owned by root (or the user fence4j runs as) and writable only by their owner, not"
                    + " /tmp: else another user could confirm in the operator's place.");

    @Override
    public String type() {
        return "meatware";
    }

    @Override
    public AgentInfo info() {
        return new AgentInfo("Meatware STONITH device", "fence4j meatware: operator confirmation",
                "Human (meatware) intervention STONITH device.\n"
                        + "This STONITH agent prompts a human to reset a machine.\n"
                        + "The human tells it when the reset was completed: fence-cli confirm NODE, cluster-glue's"
                        + " meatclient -c NODE, or at the fence-cli prompt.",
                "https://github.com/ClusterLabs/cluster-glue");
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(HOSTLIST, WAIT_TIMEOUT, RENDEZVOUS_DIR);
    }

    @Override
    public Set<FenceAction> actions() {
        return ALL_BUT_ON;
    }

    /** On fence-cli's terminal the operator answers the question right there. */
    @Override
    public boolean talksToOperator() {
        return true;
    }

    @Override
    public FenceAgent create(Parameters parameters) throws ParameterException {
        List<String> problems = new ArrayList<>();
        List<String> hosts = hostlist(parameters.string(HOSTLIST.name()), problems);
        Duration waitTimeout = parameters.seconds(WAIT_TIMEOUT.name());
        if (waitTimeout.isZero()) {
            problems.add(WAIT_TIMEOUT.name() + ": expected a number of seconds above 0, got 0");
        }
        Path dir = Path.of(parameters.string(RENDEZVOUS_DIR.name()));
        if (!dir.isAbsolute()) {
            problems.add(RENDEZVOUS_DIR.name() + ": expected an absolute directory, got '" + dir + "'");
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        return new MeatwareAgent(hosts, new OperatorWait(dir, waitTimeout, MeatwareProvider::operatorTerminal,
                Confirmer::current, Clock.systemUTC(), new OperatorAlert(Syslog.fromEnvironment(System::getenv))::send));
    }

    private static List<String> hostlist(String value, List<String> problems) {
        List<String> hosts = Arrays.stream(value.split("[\\s,]+")).filter(h -> !h.isEmpty())
                .map(Hostnames::normalize).distinct().toList();
        if (hosts.isEmpty()) {
            problems.add(HOSTLIST.name() + ": expected at least one node name, got '" + value + "'");
        }
        hosts.forEach(h -> Hostnames.problem(h).ifPresent(p -> problems.add(HOSTLIST.name() + ": expected " + p)));
        return hosts;
    }

    /**
     * A person at a terminal may confirm at the prompt (fence-cli, or an operator running a plugin
     * by hand); Pacemaker's fencer and cluster-glue's stonith run the agent without one.
     */
    private static Optional<OperatorConsole> operatorTerminal() {
        return TerminalConsole.open();
    }
}
