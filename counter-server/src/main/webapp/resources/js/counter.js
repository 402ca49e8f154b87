/*
 * Whether a control can take the focus: enabled and laid out (not in a hidden part of the page), as every script below
 * asks it.
 */
var counterShown = function (e) {
    return !e.disabled && e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden';
};

/*
 * Accessibility (issue 16): PrimeFaces renders each message as <li role="alert"> inside its list, which takes the item
 * out of the list for assistive technology (axe-core: "list"). The announcement belongs on the message block: move the
 * role there, on the page and after every Ajax update.
 */
(function () {
    function fixMessages() {
        document.querySelectorAll('.ui-messages ul > li[role]').forEach(function (li) {
            var block = li.closest('.ui-messages-error, .ui-messages-warn, .ui-messages-info, .ui-messages-fatal');
            if (block && !block.getAttribute('role')) {
                block.setAttribute('role', li.getAttribute('role'));
            }
            li.removeAttribute('role');
        });
    }
    document.addEventListener('DOMContentLoaded', fixMessages);
    if (window.jQuery) {
        jQuery(document).on('pfAjaxComplete', fixMessages);
    } else {
        document.addEventListener('DOMContentLoaded', function () {
            if (window.jQuery) {
                jQuery(document).on('pfAjaxComplete', fixMessages);
            }
        });
    }
})();

/*
 * The keyboard (issue 16): when nothing has the focus — a page just loaded, or an Ajax update replaced the field that had
 * it — the focus goes to the field the screen marks as its next input (data-focus="next"), else the first empty field of
 * the page's own content (a screen that knows its next step better puts the focus there itself first, and this leaves
 * it). Never into the header, never onto a hidden or disabled field.
 */
(function () {
    // a PrimeFaces select takes the keyboard on its combobox element (not a text input: the menu chooses, not typing)
    var FIELDS = 'main input[type=text]:not([readonly]), main [role=combobox][tabindex]:not([tabindex="-1"]), main input[type=password],'
        + ' main input:not([type]), main textarea';
    var shown = counterShown;
    function focusNext() {
        var a = document.activeElement;
        if (a && a !== document.body && document.documentElement.contains(a)) {
            return;
        }
        var named = window.counterNextFocus && [window.counterNextFocus + '_focus', window.counterNextFocus + '_label', window.counterNextFocus]
            .map(function (i) { return document.getElementById(i); })
            .find(function (x) { return x && (x.tabIndex >= 0 || /^(INPUT|BUTTON|A|SELECT|TEXTAREA)$/.test(x.tagName)); });
        if (named && shown(named)) {
            named.focus();
            if (document.activeElement === named) {
                return;
            }
        }
        var marked = Array.prototype.find.call(document.querySelectorAll('main [data-focus=next]'), shown);
        var fields = Array.prototype.filter.call(document.querySelectorAll(FIELDS), shown);
        var next = marked || fields.find(function (e) { return !e.value; }) || fields[0];
        if (!next) {
            next = Array.prototype.find.call(document.querySelectorAll('main button, main a[href]'), shown);   // e.g. "open your till" 
        }
        if (next) {
            next.focus();
        }
    }
    document.addEventListener('DOMContentLoaded', function () {
        setTimeout(focusNext, 0);   // after the screen's own focus script and the widgets' set-up
        if (window.jQuery) {
            jQuery(document).on('pfAjaxComplete', function () { setTimeout(focusNext, 0); });
        }
    });
})();

/*
 * The keyboard on every screen (issue 33): Enter in a field does the action the field belongs to — the first shown
 * button marked "main-action" that follows the field in the page (the till's float → Open the till; the cash moved →
 * Drop; the count → Close) — unless the form's own default command took the key already. When the page offers no
 * field to fill, the focus goes to its main action. A button with an access key says it on its label ("(Alt+X)").
 */
(function () {
    function shown(e) {
        return counterShown(e) && !e.classList.contains('ui-state-disabled');   // a PrimeFaces button shown as disabled
    }
    function mainActionAfter(field) {
        var form = field.form || field.closest('form');
        if (!form) {
            return null;
        }
        // an action inside a group (a fieldset, an "action-scope") belongs only to that group's fields
        var all = Array.prototype.filter.call(form.querySelectorAll('.main-action'), shown);
        return all.find(function (b) {
            var group = b.closest('fieldset, .action-scope');
            return (field.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) && (!group || group.contains(field));
        }) || null;
    }
    document.addEventListener('keydown', function (e) {
        if (e.key !== 'Enter' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) {
            return;
        }
        var t = e.target;
        if (!t || !t.matches || !t.matches('main input[type=text], main input[type=password], main input:not([type])')) {
            return;
        }
        var b = mainActionAfter(t);
        if (b) {
            e.preventDefault();
            b.focus();   // the action taken shows, and a dialog it opens gives the focus back to it
            b.click();
        }
    });
    function labelShortcuts() {
        document.querySelectorAll('main [accesskey]').forEach(function (b) {
            var key = 'Alt+' + b.getAttribute('accesskey').toUpperCase();
            var text = b.querySelector('.ui-button-text') || b;
            if (text.textContent.indexOf('(' + key + ')') < 0 && text.children.length === 0) {
                text.textContent = text.textContent + ' (' + key + ')';
            }
        });
    }
    document.addEventListener('DOMContentLoaded', function () {
        labelShortcuts();
        if (window.jQuery) {
            jQuery(document).on('pfAjaxComplete', labelShortcuts);
        }
    });
})();

/*
 * Dialogs (issue 33): PrimeFaces keeps Tab inside an open dialog; when it closes, the focus goes back to where it was
 * before it opened (the button that asked), never to the top of the page.
 */
(function () {
    var lastOutside = null;
    document.addEventListener('focusin', function (e) {
        if (e.target && e.target.closest && !e.target.closest('.ui-dialog')) {
            lastOutside = e.target;
        }
    });
    function isOpen(d) {
        var style = getComputedStyle(d);
        return style.display !== 'none' && style.visibility !== 'hidden';
    }
    function firstControl(d) {
        return Array.prototype.find.call(d.querySelectorAll('button, input, select, textarea, a[href], [tabindex="0"]'), counterShown);
    }
    function watch() {
        var observer = new MutationObserver(function () {
            document.querySelectorAll('.ui-dialog').forEach(function (d) {
                var open = isOpen(d);
                if (d.counterWasOpen && !open) {
                    // looked at again once the dialog's own scripts have run: a dialog opened again at once (Escape,
                    // then Enter on the same button) keeps its focus; one that stayed closed gives it back
                    setTimeout(function () {
                        if (!isOpen(d) && lastOutside && document.documentElement.contains(lastOutside)
                                && (document.activeElement === document.body || d.contains(document.activeElement))) {
                            lastOutside.focus();
                        }
                    }, 0);
                } else if (!d.counterWasOpen && open) {
                    // an open dialog has the focus: if it is still outside once PrimeFaces has placed it (a key
                    // test saw a confirmation opened again with the focus left on the button behind it), it goes in
                    setTimeout(function () {
                        var control = isOpen(d) && !d.contains(document.activeElement) ? firstControl(d) : null;
                        if (control) {
                            control.focus();
                        }
                    }, 300);
                }
                d.counterWasOpen = open;
            });
        });
        observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['style', 'class', 'aria-hidden'] });
    }
    if (document.body) {
        watch();
    } else {
        document.addEventListener('DOMContentLoaded', watch);
    }
})();
