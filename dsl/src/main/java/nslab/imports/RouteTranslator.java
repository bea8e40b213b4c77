package nslab.imports;

import nslab.model.IpPrefix;

/**
 * net-tools {@code route add|del [-net|-host] TARGET [netmask M] [gw G] [dev] [D]}. A {@code -net}
 * target without a netmask or length gets its classful length; a target without {@code -net} is
 * a host.
 */
final class RouteTranslator implements Translator {
    @Override
    public void translate(ShellCommand c, String ns, Translation t) {
        var w = c.words();
        if (w.size() < 2 || w.get(1).startsWith("-") && !w.get(1).equals("-A") || w.get(1).equals("print")) {
            t.skip(c, "only shows something");
            return;
        }
        int i = 1;
        if (w.get(i).equals("-A") && w.size() > 3) i += 2;     // -A inet
        String action = w.get(i);
        if (!action.equals("add") && !action.equals("del")) {
            t.refuse(c, "route " + action + " has no word in the lab language");
            return;
        }
        boolean net = false;
        String target = null;
        Integer length = null;
        String gw = null;
        String dev = null;
        for (i++; i < w.size(); i++) {
            String word = w.get(i);
            boolean hasNext = i + 1 < w.size();
            switch (word) {
                case "-net" -> net = true;
                case "-host" -> net = false;
                case "netmask", "genmask" -> {
                    if (!hasNext || Netmasks.length(w.get(i + 1)) < 0) {
                        t.refuse(c, "netmask needs a mask such as 255.255.255.0");
                        return;
                    }
                    length = Netmasks.length(w.get(++i));
                }
                case "gw", "gateway" -> { if (hasNext) gw = w.get(++i); }
                case "dev" -> { if (hasNext) dev = w.get(++i); }
                case "metric" -> i++;
                default -> {
                    if (target == null) target = word;
                    else if (dev == null && !IpPrefix.isAddress(word)) dev = word;
                    else {
                        t.refuse(c, "route ... " + word + ": nslab import does not read this option");
                        return;
                    }
                }
            }
        }
        if (target == null) {
            t.refuse(c, "route " + action + " without a target");
            return;
        }
        String dest = destination(target, net, length);
        if (dest == null) {
            t.refuse(c, target + " is not a route target");
            return;
        }
        if (action.equals("del")) Routes.delete(c, ns, dest, t);
        else Routes.add(c, ns, dest, gw, dev, t);
    }

    static String destination(String target, boolean net, Integer length) {
        if (target.equals("default") || target.equals("0.0.0.0") && length != null && length == 0) return "default";
        if (target.contains("/")) return target;
        if (!Netmasks.isV4(target)) return null;
        if (length != null) return length == 32 ? target : target + "/" + length;
        return net ? target + "/" + Netmasks.classful(target) : target;
    }
}
