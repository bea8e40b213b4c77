package nslab.archfixture

/** Code that writes a sentence for people, as ArchitectureSpec must refuse in the engine module. */
class Talker {
    static String verdict(String lab) {
        'lab ' + lab + ' could not be built here'
    }

    static List<String> argv() {
        ['ip', 'link', 'show']
    }
}
