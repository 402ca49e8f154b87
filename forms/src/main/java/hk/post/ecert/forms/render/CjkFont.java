package hk.post.ecert.forms.render;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;

/**
 * AR PL UMing (Debian's fonts-arphic-uming): a font with Traditional Chinese and Latin glyphs, embedded as a subset
 * so that names such as 陳大文 render and the PDF stays small. The collection stays open until the document is saved.
 */
final class CjkFont implements Closeable {

    static final String[] FILES = {"/usr/share/fonts/truetype/arphic/uming.ttc"};

    private final TrueTypeCollection collection;
    final PDType0Font font;

    CjkFont(PDDocument doc) throws IOException {
        File file = null;
        for (String f : FILES) {
            if (new File(f).isFile()) {
                file = new File(f);
                break;
            }
        }
        if (file == null) {
            throw new IOException("no Traditional Chinese font: install fonts-arphic-uming (AR PL UMing)");
        }
        collection = new TrueTypeCollection(file);
        TrueTypeFont ttf = collection.getFontByName("UMingHK");
        if (ttf == null) {
            ttf = collection.getFontByName("UMingTW");
        }
        if (ttf == null) {
            collection.close();
            throw new IOException("AR PL UMing HK/TW is not in " + file);
        }
        font = PDType0Font.load(doc, ttf, true);
    }

    @Override
    public void close() throws IOException {
        collection.close();
    }
}
