/*
 * The self-service kiosk's screen (issue 17): the on-screen keyboard types into the field last touched; a screen left
 * without a touch (or a key of the kiosk's keypad) for its idle time goes back to its start as a new page, so nothing
 * of the last customer stays on it — except while a payment is under way, whose outcome the customer waits for.
 */
var Kiosk = (function () {
    var lastField = null;
    var idleTimer = null;
    var api = { idleMs: 60000 };

    function fields() {
        return Array.prototype.slice.call(document.querySelectorAll('main input[type=text]:not([disabled])'));
    }

    api.focusFirst = function () {
        var f = fields();
        var empty = f.filter(function (e) { return !e.value; })[0];
        var target = empty || f[0] || document.querySelector('main button:not([disabled])');
        if (target) {
            target.focus();
            if (target.tagName === 'INPUT') { lastField = target; }
        }
    };

    function busy() {
        var main = document.getElementById('kioskMain');
        return main && main.getAttribute('data-busy') === 'true';
    }

    api.touched = function () {
        if (idleTimer) { clearTimeout(idleTimer); }
        idleTimer = setTimeout(function idle() {
            if (busy()) {
                idleTimer = setTimeout(idle, api.idleMs);
                return;
            }
            window.location.replace(window.location.pathname);   // a new page: nothing of this customer is kept
        }, api.idleMs);
    };

    document.addEventListener('focusin', function (e) {
        if (e.target && e.target.tagName === 'INPUT' && e.target.type === 'text') { lastField = e.target; }
    });
    document.addEventListener('click', function (e) {
        var key = e.target && e.target.closest ? e.target.closest('.kiosk-key') : null;
        if (!key) { return; }
        var field = lastField && document.body.contains(lastField) ? lastField : fields()[0];
        if (!field) { return; }
        var k = key.getAttribute('data-key');
        field.value = k === 'BACKSPACE' ? field.value.slice(0, -1) : field.value + k;
        field.focus();
    });
    ['click', 'keydown', 'touchstart', 'pointerdown'].forEach(function (t) {
        document.addEventListener(t, api.touched, { passive: true });
    });
    document.addEventListener('DOMContentLoaded', function () {
        var s = parseInt(document.body.getAttribute('data-idle-seconds'), 10);
        if (s > 0) { api.idleMs = s * 1000; }
        api.touched();
        api.focusFirst();
    });
    return api;
})();
