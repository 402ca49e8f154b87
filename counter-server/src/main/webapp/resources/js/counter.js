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
    function shown(e) {
        return !e.disabled && e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden';
    }
    function focusNext() {
        var a = document.activeElement;
        if (a && a !== document.body && document.documentElement.contains(a)) {
            return;
        }
        var named = window.counterNextFocus && document.getElementById(window.counterNextFocus);
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
