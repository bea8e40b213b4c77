package nslab.plan;

/** The program a step runs. Each is batched its own way when a plan is applied. */
public enum Tool {
    IP("ip"), SYSCTL("sysctl"), IPTABLES("iptables"), TC("tc"), RUN("sh");

    private final String program;

    Tool(String program) {
        this.program = program;
    }

    public String program() {
        return program;
    }
}
