package nslab.imports;

import java.util.Optional;

/**
 * {@code ifconfig IF [ADDR[/LEN]] [netmask M] [broadcast B] [mtu N] [hw ether MAC] [up|down]}.
 * An address without a netmask gets the classful one, as ifconfig gives it ({@code 10.0.100.1}
 * is a /8), and setting an address brings the device up, as ifconfig does. ifconfig replaces
 * the device's first IPv4 address rather than adding one.
 */
final class IfconfigTranslator implements Translator {
    @Override
    public void translate(ShellCommand c, String ns, Translation t) {
        var w = c.words();
        if (w.size() < 3 || w.get(1).startsWith("-")) {
            t.skip(c, "only shows something");
            return;
        }
        Optional<Device> found = t.deviceToConfigure(c, ns, w.get(1));
        if (found.isEmpty()) return;
        Device d = found.get();
        String address = null;
        Integer length = null;
        Boolean up = null;
        Integer mtu = null;
        String mac = null;
        for (int i = 2; i < w.size(); i++) {
            String word = w.get(i);
            boolean hasNext = i + 1 < w.size();
            if (word.equals("up")) up = true;
            else if (word.equals("down")) up = false;
            else if (word.equals("netmask") && hasNext) {
                length = Netmasks.length(w.get(++i));
                if (length < 0) {
                    t.refuse(c, w.get(i) + " is not a netmask");
                    return;
                }
            } else if ((word.equals("broadcast") || word.equals("metric")) && hasNext) i++;
            else if (word.equals("mtu") && hasNext) mtu = Integer.valueOf(w.get(++i).replaceAll("\\D", "0"));
            else if (word.equals("hw") && i + 2 < w.size()) {
                i++;
                mac = w.get(++i);
            } else if (word.equals("inet") || word.equals("add")) {
                continue;
            } else if (address == null && word.matches("[0-9.]+(/\\d+)?")) {
                address = word;
            } else {
                t.refuse(c, "ifconfig ... " + word + ": nslab import does not read this option");
                return;
            }
        }
        if (address != null) {
            String host = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
            if (!Netmasks.isV4(host)) {
                t.refuse(c, address + " is not an IPv4 address");
                return;
            }
            if (address.contains("/")) length = Integer.valueOf(address.substring(address.indexOf('/') + 1));
            if (length == null) length = Netmasks.classful(host);
            d.addresses.removeIf(a -> !a.contains(":"));
            d.addresses.add(0, host + "/" + length);
            d.addressFrom.put(host + "/" + length, c);
            if (up == null) up = true;
        } else if (length != null) {
            t.refuse(c, "a netmask without an address");
            return;
        }
        if (mtu != null) d.mtu = mtu;
        if (mac != null) d.mac = mac;
        if (up != null) d.up = up;
        d.settle();
    }
}
