package org.ewea.api.ui;

import java.security.Principal;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.lead.Briefing;
import org.ewea.alerts.lead.BriefingBuilder;
import org.ewea.alerts.lead.EarlyWarningScores;
import org.ewea.alerts.lead.EarlyWarnings;
import org.ewea.api.audit.AuditLog;
import org.ewea.api.config.SecurityProperties;
import org.ewea.api.items.ItemView;
import org.ewea.api.scoring.WeeklyBriefings;
import org.ewea.api.security.ApiTokens;
import org.ewea.api.security.User;
import org.ewea.api.security.UserRepository;
import org.ewea.api.store.BlockingStore;
import org.ewea.collectors.harvest.HealthAssessor;
import org.ewea.collectors.harvest.SourceHealth;
import org.ewea.collectors.search.ItemIndex;
import org.ewea.collectors.search.SearchQuery;
import org.ewea.collectors.search.SearchResult;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.source.SourceRepository;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.taxonomy.Technology;
import org.ewea.scoring.signal.SignalPoint;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.TermRepository;
import org.ewea.scoring.terms.TrackedTerms;
import org.ewea.scoring.warning.EarlyWarningScore;
import org.ewea.scoring.warning.EarlyWarningScorer;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.ScoreEvidence;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The analysts' pages: dashboard, technology, search, sources, admin. Server-rendered (Thymeleaf). */
@Controller
class UiPagesController {

    static final int WEEKS = 12;

    private final UiSession session;
    private final EarlyWarningScorer scorer;
    private final ModelRegistry models;
    private final SignalRepository signals;
    private final ScoreEvidence evidence;
    private final ItemIndex index;
    private final ItemRepository items;
    private final SourceRepository sources;
    private final HealthAssessor health;
    private final AlertRepository alerts;
    private final UserRepository users;
    private final Methodology methodology;
    private final BlockingStore store;
    private final InstantSource clock;
    private final SecurityProperties security;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final EarlyWarnings earlyWarnings;
    private final WeeklyBriefings briefings;
    private final EarlyWarningScores allScores;
    private final TermRepository terms;

    UiPagesController(
            SecurityProperties security,
            ApiTokens tokens,
            AuditLog audit,
            UiSession session,
            EarlyWarningScorer scorer,
            ModelRegistry models,
            SignalRepository signals,
            ScoreEvidence evidence,
            ItemIndex index,
            ItemRepository items,
            SourceRepository sources,
            HealthAssessor health,
            AlertRepository alerts,
            UserRepository users,
            Methodology methodology,
            BlockingStore store,
            InstantSource clock,
            EarlyWarnings earlyWarnings,
            WeeklyBriefings briefings,
            EarlyWarningScores allScores,
            TermRepository terms) {
        this.earlyWarnings = earlyWarnings;
        this.briefings = briefings;
        this.allScores = allScores;
        this.terms = terms;
        this.security = security;
        this.tokens = tokens;
        this.audit = audit;
        this.session = session;
        this.scorer = scorer;
        this.models = models;
        this.signals = signals;
        this.evidence = evidence;
        this.index = index;
        this.items = items;
        this.sources = sources;
        this.health = health;
        this.alerts = alerts;
        this.users = users;
        this.methodology = methodology;
        this.store = store;
        this.clock = clock;
    }

    /** How many confirmed early warnings the dashboard lists. */
    static final int EARLY_WARNINGS = 10;

    /** A score on the dashboard, with its weekly counts drawn. */
    /**
     * A subject's weekly chart: items a week over {@value #WEEKS} weeks, from the first week's first day to the day
     * shown, the highest week's count marked on its axis.
     */
    record WeeklyChart(String points, List<Long> weekly, LocalDate from, LocalDate to, long max) {}

    /** A score table row with its chart. */
    record Row(int rank, EarlyWarningScore score, WeeklyChart chart) {}

    @GetMapping("/")
    Mono<Rendering> root() {
        return Mono.just(Rendering.redirectTo("/ui").build());
    }

    @GetMapping("/login")
    Mono<Rendering> login(ServerWebExchange exchange) {
        // "?error" and "?logout" come without a value
        var query = exchange.getRequest().getQueryParams();
        return Mono.just(Rendering.view("login")
                .modelAttribute("error", query.containsKey("error"))
                .modelAttribute("loggedOut", query.containsKey("logout"))
                .modelAttribute("oidc", security.oidc().enabled())
                .build());
    }

    @GetMapping("/ui")
    Mono<Rendering> dashboard(
            Principal principal,
            @RequestParam(name = "kind", required = false) @Nullable String kind,
            @RequestParam(name = "week", required = false) @Nullable String week) {
        LocalDate weekAsked = briefings.parse(week == null || week.isBlank() ? null : week);
        return session.user(principal)
                .flatMap(user -> store.call(() -> {
                    WeeklyBriefings.BriefingView briefing = briefings.view(weekAsked, user.clearance());
                    // the whole page is of the week shown: the scores are those of the briefing's day
                    LocalDate day = briefing.briefing().asOf();
                    List<EarlyWarningScore> scores = allScores.score(day, user.clearance()).stream()
                            .filter(s ->
                                    kind == null || kind.isBlank() || s.kind().equals(kind))
                            .limit(30)
                            .toList();
                    Map<String, List<SignalPoint>> history = signals.readBy(user.clearance())
                            .active(day.minusWeeks(WEEKS).plusDays(1), day);
                    List<Row> rows = new ArrayList<>();
                    TermRepository names = terms.readBy(user.clearance());
                    for (int i = 0; i < scores.size(); i++) {
                        rows.add(new Row(
                                i + 1, scores.get(i), chart(scores.get(i).series(), history, names, day)));
                    }
                    // every early warning of the briefing with its weeks too (a name's line is by its term's key)
                    Map<String, WeeklyChart> lineCharts = new LinkedHashMap<>();
                    for (Briefing.Line l : briefing.briefing().earlyWarnings()) {
                        String series =
                                l.kind().equals("novel-term") || l.kind().equals("watch-term")
                                        ? TrackedTerms.series(l.id())
                                        : l.id();
                        lineCharts.put(l.kind() + "|" + l.id(), chart(series, history, names, day));
                    }
                    Map<String, Long> states = new LinkedHashMap<>();
                    for (AlertState state : List.of(AlertState.NEW, AlertState.ACKNOWLEDGED, AlertState.ASSESSED)) {
                        states.put(
                                state.name(),
                                alerts.count(
                                        new AlertRepository.Query(state, null, null, null, null, user.clearance())));
                    }
                    List<EarlyWarnings.Warning> warned = earlyWarnings.readBy(user.clearance(), false);
                    List<EarlyWarnings.Warning> confirmed = warned.stream()
                            .filter(EarlyWarnings.Warning::confirmed)
                            .toList();
                    return Rendering.view("dashboard")
                            .modelAttribute("rows", rows)
                            .modelAttribute("asOf", day)
                            .modelAttribute("lineCharts", lineCharts)
                            .modelAttribute(
                                    "confirmed", confirmed.subList(0, Math.min(EARLY_WARNINGS, confirmed.size())))
                            .modelAttribute("confirmedTotal", confirmed.size())
                            .modelAttribute("unconfirmedTotal", warned.size() - confirmed.size())
                            .modelAttribute("model", models.current().id())
                            .modelAttribute("kind", kind == null ? "" : kind)
                            .modelAttribute("alertStates", states)
                            .modelAttribute("briefing", briefing.briefing())
                            .modelAttribute("dayChosen", briefing.dayChosen())
                            .build();
                }));
    }

    @GetMapping("/ui/technologies/{id}")
    Mono<Rendering> technology(Principal principal, @PathVariable("id") String id) {
        Technology technology = methodology
                .taxonomy()
                .find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no technology " + id));
        return session.user(principal)
                .flatMap(user -> store.call(() -> {
                    LocalDate day = today(user);
                    EarlyWarningScore score = scorer.readBy(user.clearance()).score(day, models.current()).stream()
                            .filter(s -> s.series().equals(id))
                            .findFirst()
                            .orElse(null);
                    LocalDate first = day.minusDays(89);
                    List<Long> daily = new ArrayList<>();
                    Map<LocalDate, Long> counts = new LinkedHashMap<>();
                    signals.readBy(user.clearance())
                            .active(first, day)
                            .getOrDefault(id, List.of())
                            .forEach(p -> counts.put(p.day(), p.count()));
                    for (LocalDate d = first; !d.isAfter(day); d = d.plusDays(1)) {
                        daily.add(counts.getOrDefault(d, 0L));
                    }
                    List<ItemView> cited = score == null
                            ? List.of()
                            : evidence.newest(score, 10, user.clearance()).stream()
                                    .map(ItemView::of)
                                    .toList();
                    String category = methodology.taxonomy().path(id).getLast().id();
                    String stage = score == null ? "weak-signal" : score.stage().stage();
                    BriefingBuilder.Rise rise = BriefingBuilder.rise(signals.readBy(user.clearance()), id, day);
                    var warning = methodology.authorityWarnings().first(id).orElse(null);
                    return Rendering.view("technology")
                            .modelAttribute("technology", technology)
                            .modelAttribute("trend", rise.words())
                            .modelAttribute(
                                    "authority",
                                    warning == null
                                            ? "No authority warning of it is on record" + " (authority-warnings.yaml)."
                                            : (warning.date().isAfter(day)
                                                            ? "No authority had warned of it by " + day
                                                                    + "; the first warning on record came later: "
                                                            : "Authorities warned of it: ")
                                                    + warning.authority() + ", " + warning.dateText() + ", "
                                                    + warning.title() + " (confidence " + warning.confidence()
                                                    + "; the date is an upper"
                                                    + " bound of when they knew).")
                            .modelAttribute(
                                    "authorityUrl",
                                    warning == null
                                                    || warning.url().isBlank()
                                                    || !warning.url().startsWith("http")
                                            ? null
                                            : warning.url().split(" ")[0])
                            .modelAttribute(
                                    "path", methodology.taxonomy().path(id).reversed())
                            .modelAttribute("score", score)
                            .modelAttribute("asOf", day)
                            .modelAttribute("chart", Sparkline.points(daily, 720, 160))
                            .modelAttribute(
                                    "chartMax",
                                    daily.stream()
                                            .mapToLong(Long::longValue)
                                            .max()
                                            .orElse(0))
                            .modelAttribute("chartFirst", first)
                            .modelAttribute("evidence", cited)
                            .modelAttribute(
                                    "recommendations", methodology.playbooks().forCategory(category, stage, null))
                            .build();
                }));
    }

    @GetMapping("/ui/search")
    Mono<Rendering> search(
            Principal principal,
            @RequestParam(name = "q", required = false) @Nullable String q,
            @RequestParam(name = "technology", required = false) @Nullable String technology,
            @RequestParam(name = "crimeArea", required = false) @Nullable String crimeArea,
            @RequestParam(name = "source", required = false) @Nullable String source,
            @RequestParam(name = "language", required = false) @Nullable String language,
            @RequestParam(name = "grade", required = false) @Nullable String grade,
            @RequestParam(name = "page", defaultValue = "0") int page) {
        String text = q == null ? null : q.length() > 500 ? q.substring(0, 500) : q;
        int safePage = Math.max(0, Math.min(page, 400));
        return session.user(principal)
                .flatMap(user ->
                        store.call(() -> {
                            SearchResult found = index.search(new SearchQuery(
                                    blank(text),
                                    blank(technology),
                                    blank(crimeArea),
                                    blank(source),
                                    blank(language),
                                    blank(grade),
                                    null,
                                    null,
                                    user.clearance(),
                                    safePage,
                                    20));
                            List<ItemView> views = items
                                    .findAnnotated(
                                            found.ids().stream()
                                                    .map(ItemId::new)
                                                    .toList(),
                                            user.clearance())
                                    .stream()
                                    .map(ItemView::of)
                                    .toList();
                            Map<String, String> filters = new LinkedHashMap<>();
                            putIfSet(filters, "technology", technology);
                            putIfSet(filters, "crimeArea", crimeArea);
                            putIfSet(filters, "source", source);
                            putIfSet(filters, "language", language);
                            putIfSet(filters, "grade", grade);
                            return Rendering.view("search")
                                    .modelAttribute("q", text == null ? "" : text)
                                    .modelAttribute("results", views)
                                    .modelAttribute("total", found.total())
                                    .modelAttribute("facets", found.facets())
                                    .modelAttribute("filters", filters)
                                    .modelAttribute("page", safePage)
                                    .modelAttribute("expanded", text == null ? List.of() : index.named(text))
                                    .build();
                        }));
    }

    /** A source with its health. */
    record SourceRow(Source source, SourceHealth health) {}

    /** The sources the reader is cleared for (a RED partner's source is not even named to a GREEN reader). */
    @GetMapping("/ui/sources")
    Mono<Rendering> sources(Principal principal) {
        return session.user(principal)
                .flatMap(user -> store.call(() -> {
                    List<SourceRow> rows = sources.page(null, null, null, 0, 500, user.clearance()).stream()
                            .map(s -> new SourceRow(s, health.assess(s.id().value())))
                            .toList();
                    return Rendering.view("sources")
                            .modelAttribute("sources", rows)
                            .build();
                }));
    }

    @GetMapping("/ui/admin")
    Mono<Rendering> admin() {
        return store.call(() -> Rendering.view("admin")
                .modelAttribute("users", users.all())
                .modelAttribute("tokens", tokens.list(null))
                .modelAttribute("auditIntact", audit.verify().intact())
                .modelAttribute("methodology", methodology)
                .modelAttribute("model", models.current())
                .build());
    }

    private LocalDate today(User user) {
        return signals.readBy(user.clearance()).pictureDay(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** The weekly chart of a series: from the signal series, or for a name without one from its term counts. */
    private static WeeklyChart chart(
            String series, Map<String, List<SignalPoint>> history, TermRepository names, LocalDate day) {
        LocalDate from = day.minusWeeks(WEEKS).plusDays(1);
        List<SignalPoint> points = history.containsKey(series) || !series.startsWith(TrackedTerms.PREFIX)
                ? history.getOrDefault(series, List.of())
                : names.daily(series.substring(TrackedTerms.PREFIX.length()), from, day, Set.of());
        List<Long> weekly = weekly(points, day);
        return new WeeklyChart(
                Sparkline.points(weekly, 120, 24),
                weekly,
                from,
                day,
                weekly.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    static List<Long> weekly(List<SignalPoint> points, LocalDate day) {
        List<Long> weekly = new ArrayList<>();
        for (int w = WEEKS - 1; w >= 0; w--) {
            LocalDate last = day.minusWeeks(w);
            LocalDate first = last.minusDays(6);
            weekly.add(points.stream()
                    .filter(p -> !p.day().isBefore(first) && !p.day().isAfter(last))
                    .mapToLong(SignalPoint::count)
                    .sum());
        }
        return weekly;
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void putIfSet(Map<String, String> filters, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            filters.put(name, value);
        }
    }
}
