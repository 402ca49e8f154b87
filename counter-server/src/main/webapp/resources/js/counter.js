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
