package org.fence4j.meatware;

/**
 * Whether this JVM is fence-cli, the only caller whose operator may answer at the terminal
 * (Pacemaker's fencer and cluster-glue's stonith give the agent no terminal). Read from the
 * main class the launcher started, so fence-cli needs no change to enable the prompt.
 */
final class FenceCliCaller {
    static final String MAIN_CLASS = "org.fence4j.agents.cli.FenceCli";

    private FenceCliCaller() {
    }

    static boolean isThisJvm() {
        String command = System.getProperty("sun.java.command", "");
        return command.equals(MAIN_CLASS) || command.startsWith(MAIN_CLASS + " ");
    }
}
