package hk.post.ecert.counter.interfaces.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/** The screen language of this browser session: English or Traditional Chinese (Hong Kong). */
@Named
@SessionScoped
public class Language implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final Locale CHINESE = Locale.forLanguageTag("zh-HK");

    private Locale locale = Locale.ENGLISH;

    public Locale getLocale() {
        return locale;
    }

    public boolean isChinese() {
        return "zh".equals(locale.getLanguage());
    }

    public void english() {
        change(Locale.ENGLISH);
    }

    public void chinese() {
        change(CHINESE);
    }

    private void change(Locale l) {
        locale = l;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(l);
    }
}
