package nslab.report

import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Element

/** A JUnit report read back with the JDK's parser, as plain maps: the root's name, its suites, their cases. */
class JUnitXml {
    static Map read(File file) {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file).documentElement
        [root: root.tagName, suites: children(root, 'testsuite').collect { suite ->
            attributes(suite) + [cases: children(suite, 'testcase').collect { c ->
                attributes(c) + [outcome: children(c, null).collect { o -> attributes(o) + [kind: o.tagName, text: o.textContent] }]
            }]
        }]
    }

    private static List<Element> children(Element e, String tag) {
        (0..<e.childNodes.length).collect { e.childNodes.item(it) }
                .findAll { it instanceof Element && (tag == null || it.tagName == tag) } as List<Element>
    }

    private static Map attributes(Element e) {
        (0..<e.attributes.length).collectEntries { [e.attributes.item(it).nodeName, e.attributes.item(it).nodeValue] }
    }
}
