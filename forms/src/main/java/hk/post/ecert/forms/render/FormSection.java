package hk.post.ecert.forms.render;

import java.util.List;

/** A lettered or named section of a form, with its fields. */
public record FormSection(String code, String titleEn, String titleZh, List<FormField> fields) {

    public FormSection {
        fields = List.copyOf(fields);
    }
}
