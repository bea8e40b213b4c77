package nslab.imports;

import java.util.List;
import nslab.model.IpPrefix;

/**
 * {@code ping [-c N] [-W S] [-I IF|ADDR] TARGET}, run in a namespace, becomes an expectation:
 * {@code reach 'NS' to 'TARGET'}; {@code -I} with an interface becomes {@code dev:}. A source
 * address ({@code -I 10.0.100.1}) is left out: the reply comes to it either way.
 */
final class PingTranslator implements Translator {
    private static final List<String> WITH_VALUE = List.of("-c", "-W", "-w", "-i", "-s", "-t", "-l", "-Q", "-p", "-M");

    @Override
    public void translate(ShellCommand c, String ns, Translation t) {
        List<String> w = c.words();
        String target = null;
        String dev = null;
        for (int i = 1; i < w.size(); i++) {
            String word = w.get(i);
            if (word.equals("-I") && i + 1 < w.size()) {
                String via = w.get(++i);
                if (!IpPrefix.isAddress(via)) dev = via;
            } else if (WITH_VALUE.contains(word)) {
                i++;
            } else if (word.startsWith("-")) {
                continue;
            } else {
                target = word;
            }
        }
        if (target == null) {
            t.refuse(c, "ping without a target");
        } else if (!IpPrefix.isAddress(target)) {
            t.refuse(c, target + " is a host name; a lab pings addresses of its own namespaces");
        } else {
            t.model.reaches.add(new ImportModel.Reach(ns, target, dev, c));
        }
    }
}
