package org.fence4j.ipmi.command;

import org.fence4j.ipmi.IpmiException;

/** The BMC answered a command with a completion code other than 00. */
public class CommandFailedException extends IpmiException {
    private static final long serialVersionUID = 1L;
    private final int completionCode;

    public CommandFailedException(String command, int completionCode) {
        super(command + " refused by the BMC: " + CompletionCode.describe(completionCode));
        this.completionCode = completionCode;
    }

    public int completionCode() {
        return completionCode;
    }
}
