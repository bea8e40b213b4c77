package nslab

/**
 * The string constants of a class file: its literals and the recipes of its string
 * concatenations (javac keeps "a \u0001 b" for {@code "a " + x + " b"}), read from the constant
 * pool (JVMS 4.4), which ArchUnit does not show.
 */
final class ClassFileStrings {
    private ClassFileStrings() {}

    static List<String> of(InputStream classFile) {
        def in = new DataInputStream(new BufferedInputStream(classFile))
        if (in.readInt() != (int) 0xCAFEBABEL) throw new IllegalArgumentException('not a class file')
        in.readUnsignedShort(); in.readUnsignedShort() // minor, major version
        int count = in.readUnsignedShort()
        Map<Integer, String> utf8 = [:]
        List<Integer> strings = []
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte()
            switch (tag) {
                case 1: utf8[i] = in.readUTF(); break                       // Utf8
                case 8: strings << in.readUnsignedShort(); break            // String
                case [7, 16, 19, 20]: in.skipBytes(2); break                // Class, MethodType, Module, Package
                case 15: in.skipBytes(3); break                             // MethodHandle
                case [3, 4, 9, 10, 11, 12, 17, 18]: in.skipBytes(4); break  // Integer, Float, refs, NameAndType, Dynamic, InvokeDynamic
                case [5, 6]: in.skipBytes(8); i++; break                    // Long, Double take two entries
                default: throw new IllegalArgumentException("constant pool tag $tag")
            }
        }
        strings.collect { utf8[it] }
    }
}
