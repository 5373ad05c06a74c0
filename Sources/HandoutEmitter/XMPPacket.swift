import Markdown

/// The XMP metadata packet of a handout: title and language (Dublin Core), dates and creator
/// tool, the same values as the document information dictionary.
enum XMPPacket {
    static func packet(_ metadata: PDFFinisher.Metadata) -> String {
        let title = HTMLEscaping.escape(metadata.title)
        let language = HTMLEscaping.escape(metadata.language)
        let date = HTMLEscaping.escape(metadata.date)
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" \
            xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(title)</rdf:li>\
            <rdf:li xml:lang="\(language)">\(title)</rdf:li></rdf:Alt></dc:title>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">\(HTMLEscaping.escape(metadata.subject))</rdf:li></rdf:Alt></dc:description>
            <dc:language><rdf:Bag><rdf:li>\(language)</rdf:li></rdf:Bag></dc:language>
            <xmp:CreateDate>\(date)</xmp:CreateDate>
            <xmp:ModifyDate>\(date)</xmp:ModifyDate>
            <xmp:MetadataDate>\(date)</xmp:MetadataDate>
            <xmp:CreatorTool>guide</xmp:CreatorTool>
            <pdf:Keywords>\(HTMLEscaping.escape(metadata.keywords))</pdf:Keywords>
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
    }
}
