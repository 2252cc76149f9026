package org.fence4j.redfish.sim;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulated Redfish BMC does wrong, changeable while it runs. Rates draw from one seeded
 * {@link Random}, so a test run is repeatable.
 */
public final class SimFaults {
    private final Random random;
    private volatile double unavailableRate;
    private volatile int retryAfterSeconds;
    private volatile double dropRate;
    private volatile boolean dropResetAnswers;
    private volatile boolean neverAnswer;
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger();
    private volatile int answerOnly = -1;
    private volatile boolean stuckOn;
    private volatile boolean stuckOff;
    private volatile int refuseResets;
    private volatile Duration taskRunsFor;
    private volatile String sessionLocation;
    private volatile boolean dropLoginAnswers;
    private volatile boolean echoLoginPassword;
    private volatile boolean unavailableAfterResets;
    private volatile Duration slowSystemReads = Duration.ZERO;

    SimFaults(long seed) {
        this.random = new Random(seed);
    }

    /** Answers this share of requests (0..1) 503 Service Unavailable with Retry-After, before doing anything. */
    public SimFaults unavailable(double rate, int retryAfter) {
        unavailableRate = rate(rate);
        retryAfterSeconds = retryAfter;
        return this;
    }

    /** Closes the connection instead of answering this share of requests (0..1), after doing what they ask. */
    public SimFaults dropAnswers(double rate) {
        dropRate = rate(rate);
        return this;
    }

    /** Closes the connection instead of answering each reset, after doing what it asks. */
    public SimFaults dropResetAnswers(boolean on) {
        dropResetAnswers = on;
        return this;
    }

    /** Answers the first {@code count} requests, then takes the others and never answers them. */
    public SimFaults neverAnswerAfter(int count) {
        answerOnly = count;
        return this;
    }

    /** Takes requests and never answers them, the connection left open. */
    public SimFaults neverAnswer(boolean on) {
        neverAnswer = on;
        return this;
    }

    /** Accepts ForceOff and cycles, and stays on: a BMC that lies. */
    public SimFaults stuckOn(boolean on) {
        stuckOn = on;
        return this;
    }

    /** Accepts On and ForceOn, and stays off: a node that does not come back (what retry_on is for). */
    public SimFaults stuckOff(boolean on) {
        stuckOff = on;
        return this;
    }

    /** Refuses every reset with this status (400 or 409) and an error body; 0: resets are taken. */
    public SimFaults refuseResets(int status) {
        refuseResets = status;
        return this;
    }

    /** Answers a reset 202 Accepted with a task monitor that reads Running for this long; null: 204. */
    public SimFaults taskMonitor(Duration runsFor) {
        taskRunsFor = runsFor;
        return this;
    }

    /**
     * Names each new session by this Location, {@code {id}} standing for its Id (iLO writes its own
     * address: {@code https://<its IP>/redfish/v1/SessionService/Sessions/{id}}); "": neither a
     * Location nor an {@code @odata.id} in the body, only its Id; null: the usual path.
     */
    public SimFaults sessionLocation(String template) {
        sessionLocation = template;
        return this;
    }

    /** Closes the connection instead of answering each login, after doing what it asks. */
    public SimFaults dropLoginAnswers(boolean on) {
        dropLoginAnswers = on;
        return this;
    }

    /** Refuses each login 400, quoting the password it was sent, as some Base registry messages do. */
    public SimFaults echoLoginPassword(boolean on) {
        echoLoginPassword = on;
        return this;
    }

    /** Answers each reset 503 after doing what it asks, as a proxy in front of a BMC's backend may. */
    public SimFaults unavailableAfterResets(boolean on) {
        unavailableAfterResets = on;
        return this;
    }

    /** Answers each GET of a ComputerSystem this late (the power read of a busy BMC); zero: at once. */
    public SimFaults slowSystemReads(Duration late) {
        slowSystemReads = late;
        return this;
    }

    boolean unavailableNow() {
        return draw(unavailableRate);
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    boolean dropNow() {
        return draw(dropRate);
    }

    boolean dropResetAnswers() {
        return dropResetAnswers;
    }

    /** Whether this request, the next one taken, is left unanswered. */
    boolean neverAnswerNow() {
        int count = taken.incrementAndGet();
        return neverAnswer || answerOnly >= 0 && count > answerOnly;
    }

    /** How many requests were left unanswered (neverAnswer): what a test waits for before it cancels. */
    public int unanswered() {
        return unanswered.get();
    }

    void leftUnanswered() {
        unanswered.incrementAndGet();
    }

    boolean stuckOn() {
        return stuckOn;
    }

    boolean stuckOff() {
        return stuckOff;
    }

    int refuseResets() {
        return refuseResets;
    }

    Duration taskRunsFor() {
        return taskRunsFor;
    }

    String sessionLocation() {
        return sessionLocation;
    }

    boolean dropLoginAnswers() {
        return dropLoginAnswers;
    }

    boolean echoLoginPassword() {
        return echoLoginPassword;
    }

    boolean unavailableAfterResets() {
        return unavailableAfterResets;
    }

    Duration slowSystemReads() {
        return slowSystemReads;
    }

    private boolean draw(double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }

    private static double rate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("expected a rate from 0 to 1, got " + rate);
        }
        return rate;
    }
}
