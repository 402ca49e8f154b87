package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.officeday.OfficeGlances;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.glance.ActOn;
import hk.post.ecert.counter.domain.model.glance.DeviceTimeline;
import hk.post.ecert.counter.domain.model.glance.OfficeGlance;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.model.vetting.WaitingCase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * The supervisor's home (issue 33): the office at a glance — charts with their text equivalents, the kiosk queue, the
 * counters' devices over the day, and the things to act on, each one press from its screen. Read afresh on each
 * request; the page brings itself up to date every few seconds without a refresh.
 */
@Named
@RequestScoped
public class OfficeGlanceScreen {

    @Inject
    OfficeGlances glances;

    @Inject
    CounterOverview counters;

    @Inject
    PointOfSale pos;

    @Inject
    Triage triage;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private OfficeGlance glance;
    private Instant now;

    public OfficeGlance getGlance() {
        if (glance == null) {
            now = Instant.now();
            glance = glances.of(counters.placeOf(staff.getUsername()).office(), pos.today(), now);
        }
        return glance;
    }

    private Locale locale() {
        return language.getLocale();
    }

    private String text(String key, Object... args) {
        return Screens.text(locale(), key, args);
    }

    GlanceCharts.Texts texts() {
        return new GlanceCharts.Texts(text("glance.today"), text("glance.lastWeek", getGlance().lastWeek().day()), "HK$",
                text("glance.count"), k -> k.label().in(locale()), this::serviceName, this::deviceName, this::stateName);
    }

    public String getTenderChart() {
        return GlanceCharts.byTender(getGlance(), texts());
    }

    public String getHourChart() {
        return GlanceCharts.byHour(getGlance(), texts());
    }

    public String getServiceChart() {
        return GlanceCharts.byService(getGlance(), texts());
    }

    public String deviceChart(DeviceTimeline t) {
        return GlanceCharts.devices(t, texts());
    }

    /** The takings in one line (the charts' summary for a screen reader). */
    public String getSummary() {
        OfficeGlance g = getGlance();
        return text("glance.summary", g.today().net(), g.today().sales(), g.lastWeek().day(), g.lastWeek().net(), g.lastWeek().sales());
    }

    public List<TenderKind> getTenders() {
        return getGlance().tenders();
    }

    public String tenderName(TenderKind k) {
        return k.label().in(locale());
    }

    public Money tenderToday(TenderKind k) {
        return Money.ofCents(getGlance().today().tenderCents(k));
    }

    public Money tenderLastWeek(TenderKind k) {
        return Money.ofCents(getGlance().lastWeek().tenderCents(k));
    }

    /** The hours with takings today or last week (the table keeps to them; the chart shows the whole day). */
    public List<Integer> getHoursWithTakings() {
        return getGlance().hours().stream().filter(h -> getGlance().today().hourCents(h) != 0 || getGlance().lastWeek().hourCents(h) != 0).toList();
    }

    public String hourName(int h) {
        return String.format("%02d:00–%02d:00", h, h + 1);
    }

    public Money hourToday(int h) {
        return Money.ofCents(getGlance().today().hourCents(h));
    }

    public Money hourLastWeek(int h) {
        return Money.ofCents(getGlance().lastWeek().hourCents(h));
    }

    /** "Extension · e-Cert (Personal)" from "EXTENSION PERSONAL". */
    public String serviceName(String service) {
        String[] p = service.split(" ", 2);
        String type = p.length < 2 ? "" : typeName(p[1]);
        return text("glance.service." + p[0]) + " · " + type;
    }

    private String typeName(String code) {
        try {
            return triage.catalogue().type(code).name().in(locale());
        } catch (RuntimeException unknown) {
            return code;
        }
    }

    public String deviceName(String kind) {
        return optional("device." + kind).orElse(kind);
    }

    public String stateName(String state) {
        return optional("state." + state).orElse(state);
    }

    private Optional<String> optional(String key) {
        try {
            return Optional.of(text(key));
        } catch (MissingResourceException none) {
            return Optional.empty();
        }
    }

    public String deviceText(DeviceTimeline.Device d) {
        getGlance();
        return deviceName(d.kind()) + " (" + d.model() + "): " + d.text(TillSession.HONG_KONG, now, this::stateName, text("glance.now"));
    }

    /** The queue in one line: tickets waiting, the average wait, the longest wait now, the counters open. */
    public String getQueueText() {
        OfficeGlance.Queue q = getGlance().queue();
        return text("glance.queue", q.waiting().size(), q.waiting().isEmpty() ? "" : " (" + String.join(", ", q.waiting()) + ")",
                q.averageWait().map(this::age).orElse(text("glance.none")), q.longestWaiting().map(this::age).orElse(text("glance.none")),
                q.countersOpen());
    }

    private String age(Duration d) {
        return WaitingCase.text(d);
    }

    public List<ActOn> getActOn() {
        return getGlance().waitingFirst();
    }

    public String actOnName(ActOn a) {
        return text("glance.act." + a.kind().name());
    }

    /** Whether this member of staff can open the screen where it is done (fees are an administrator's). */
    public boolean canAct(ActOn a) {
        return a.kind() != ActOn.Kind.FEES_UNCONFIRMED || staff.hasRole("ADMIN");
    }
}
