package nslab.report;

import nslab.engine.ApplyResult;

/**
 * A failed apply as a person reads it: the script line, the command the kernel refused, what it
 * said, the hint, and whether everything was undone. One text for the terminal ({@code Reports}),
 * the {@code message} of the JSON document and the JUnit report, so that they never differ.
 */
public final class ApplyFailureText {
    private static final String RESTORED = "    everything this apply had done was undone";
    private static final String LEFT = "    some of what this apply did could not be undone; 'nslab destroy' removes the rest";

    private ApplyFailureText() {}

    public static String of(ApplyResult.Failure f) {
        StringBuilder sb = new StringBuilder();
        if (f.command() == null) { // stopped by a signal, not by the kernel
            sb.append("apply stopped: ").append(f.kernelSaid()).append('\n');
            return sb.append(f.restored() ? RESTORED : LEFT).toString();
        }
        sb.append(f.source()).append(": the kernel refused: ").append(f.command()).append('\n');
        String line = f.scriptLine();
        if (line != null && !line.isBlank()) sb.append("    script line: ").append(line.trim()).append('\n');
        String said = f.kernelSaid();
        sb.append("    kernel said: ").append(said == null || said.isBlank() ? "(nothing)" : said).append('\n');
        if (f.hint() != null) sb.append("    ").append(f.hint()).append('\n');
        return sb.append(f.restored() ? RESTORED : LEFT).toString();
    }
}
