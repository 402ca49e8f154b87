package hk.post.ecert.forms.render;

/** One field of a form: its AcroForm name, its bilingual label, and how many lines it takes. */
public record FormField(String name, String labelEn, String labelZh, int lines) {

    public static FormField of(String name, String en, String zh) {
        return new FormField(name, en, zh, 1);
    }
}
