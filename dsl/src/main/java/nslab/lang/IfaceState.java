package nslab.lang;

import nslab.model.DeviceKind;
import nslab.model.Interface;
import nslab.model.Source;

/** What the script has said so far about one interface of one namespace. */
final class IfaceState {
    final String name;
    Source source;
    DeviceKind kind;          // null while only referenced (dev, port) and not declared
    Integer mtu;
    String mac;
    boolean up = true;
    String master;
    /** For a veth declared here: what {@code peer} said, resolved when the whole script is read. */
    VethPeer peer;
    final java.util.Map<String, Source> settingLines = new java.util.HashMap<>();

    record VethPeer(String target, String name, String ip, Source source) {}

    IfaceState(String name, Source source) {
        this.name = name;
        this.source = source;
    }

    void setAt(String setting, Source where) {
        settingLines.put(setting, where);
    }

    boolean declared() {
        return kind != null || peer != null;
    }

    Interface toModel(String namespace) {
        DeviceKind k = kind == null ? new DeviceKind.Referenced() : kind;
        return new Interface(namespace, name, k, mtu, mac, up, master, source, settingLines);
    }
}
