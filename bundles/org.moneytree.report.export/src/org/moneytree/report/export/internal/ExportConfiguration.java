package org.moneytree.report.export.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the report exports. */
@ObjectClassDefinition(pid = ReportExporter.PID, name = "Report exports",
        description = "How views are written as CSV, HTML and PDF.")
@interface ExportConfiguration {

    @AttributeDefinition(name = "Font for Chinese text in PDFs", required = false,
            description = "Path of a font file with TrueType outlines and Chinese glyphs (.ttf or .ttc), for example"
                    + " /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc (Debian package fonts-wqy-zenhei). Empty: the"
                    + " usual font folders are searched. CFF-based OpenType fonts (Noto Sans CJK .otf/.ttc) cannot be"
                    + " embedded.")
    String cjkFont() default "";
}
