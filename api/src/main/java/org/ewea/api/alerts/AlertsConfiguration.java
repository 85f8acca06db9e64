package org.ewea.api.alerts;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewea.alerts.AlertsModule;
import org.ewea.alerts.action.ActionPlanner;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.delivery.DeliveryPlanner;
import org.ewea.alerts.delivery.DeliveryRepository;
import org.ewea.alerts.delivery.DeliveryWorker;
import org.ewea.alerts.delivery.EmailSender;
import org.ewea.alerts.delivery.RetryPolicy;
import org.ewea.alerts.delivery.Sender;
import org.ewea.alerts.delivery.SmtpSettings;
import org.ewea.alerts.delivery.SubscriptionRepository;
import org.ewea.alerts.delivery.WebhookSender;
import org.ewea.alerts.digest.DigestRenderer;
import org.ewea.alerts.digest.DigestRepository;
import org.ewea.alerts.digest.DigestSchedule;
import org.ewea.alerts.digest.DigestService;
import org.ewea.alerts.digest.WeeklyDigestSchedule;
import org.ewea.alerts.engine.AlertEngine;
import org.ewea.alerts.engine.AlertInputs;
import org.ewea.alerts.event.AlertEventFeed;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.alerts.lead.AuthoritativeRecord;
import org.ewea.alerts.lead.BriefingBuilder;
import org.ewea.alerts.lead.EarlyWarningScores;
import org.ewea.alerts.lead.EarlyWarnings;
import org.ewea.alerts.lifecycle.AlertLifecycle;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.rule.AlertRuleFile;
import org.ewea.alerts.rule.AlertRuleValidator;
import org.ewea.alerts.rule.RuleBook;
import org.ewea.api.config.AlertsProperties;
import org.ewea.api.config.ScoringProperties;
import org.ewea.api.demo.DemoRecording;
import org.ewea.api.security.User;
import org.ewea.api.security.UserRepository;
import org.ewea.collectors.CollectorsModule;
import org.ewea.collectors.enrich.AttackNames;
import org.ewea.collectors.harvest.HealthAssessor;
import org.ewea.collectors.schedule.SourceLock;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.source.SourceRepository;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.ScoringModule;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.warning.EarlyWarningScorer;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.NameScorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Alerts' collections, rule engine, lifecycle, event feed and schedule. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsConfiguration.class);

    /**
     * The alerts module over the service's database and the wall clock, behind scoring (the same assembly as an
     * exercise's): the rules from {@code EWEA_ALERTS_RULES_FILE} or the shipped defaults, and the digest schedule.
     */
    @Bean
    AlertsModule alertsModule(
            MongoDatabase database,
            InstantSource clock,
            AlertsModule.Settings settings,
            Methodology methodology,
            CollectorsModule collectors,
            ScoringModule scoring,
            SourceRepository sources) {
        return AlertsModule.over(
                database,
                AlertsModule.Clocks.of(clock),
                settings,
                methodology,
                collectors,
                scoring,
                () -> sourceHealth(sources, collectors.health()));
    }

    /** The alerts module's settings, shared with the exercises. */
    @Bean
    AlertsModule.Settings alertsSettings(AlertRuleValidator validator, AlertsProperties properties) {
        var rules = new AlertRuleFile(validator).read(properties.rulesFile());
        LOG.info(
                "Alert rules: {} from {}",
                rules.size(),
                properties.rulesFile() == null ? "the shipped defaults" : properties.rulesFile());
        return new AlertsModule.Settings(rules, properties.digestSchedule());
    }

    @Bean
    AlertRepository alertRepository(AlertsModule alerts) {
        return alerts.alerts();
    }

    @Bean
    AlertEventLog alertEventLog(AlertsModule alerts) {
        return alerts.events();
    }

    @Bean
    ActionRepository actionRepository(AlertsModule alerts) {
        return alerts.actions();
    }

    @Bean
    AlertRuleValidator alertRuleValidator(Methodology methodology) {
        return new AlertRuleValidator(methodology);
    }

    /** Alerts as their readers may see them, for the API and the UI alike. */
    @Bean
    AlertReads alertReads(AlertsModule alerts, CollectorsModule collectors) {
        return new AlertReads(alerts.alerts(), collectors.items(), alerts.actions());
    }

    @Bean
    RuleBook ruleBook(AlertsModule alerts) {
        return alerts.rules();
    }

    @Bean
    AlertRaiser alertRaiser(AlertsModule alerts) {
        return alerts.raiser();
    }

    @Bean
    AlertLifecycle alertLifecycle(AlertsModule alerts) {
        return alerts.lifecycle();
    }

    @Bean
    ActionPlanner actionPlanner(AlertsModule alerts) {
        return alerts.planner();
    }

    @Bean
    AlertEngine alertEngine(AlertsModule alerts) {
        return alerts.engine();
    }

    /**
     * The authoritative record early warnings are measured against: CVEs by the authoritative sources' items, ATT&CK
     * groups and software by the configured ATT&CK data ({@code EWEA_COLLECTORS_ATTACK_DATA}), or else, with the demo,
     * by the demo's copy of ATT&CK.
     */
    @Bean
    AuthoritativeRecord authoritativeRecord(
            SignalRepository signals,
            ScoringProperties scoring,
            AttackNames attack,
            DemoRecording demo,
            Methodology methodology) {
        return new AuthoritativeRecord(
                reader -> signals.readBy(reader).firstMentionedBy(scoring.authoritativeSources()),
                attack.names().isEmpty() ? demo.attackRecord() : attack,
                methodology.authorityWarnings());
    }

    @Bean
    EarlyWarnings earlyWarnings(AlertRepository alerts, AuthoritativeRecord record) {
        return new EarlyWarnings(alerts, record);
    }

    @Bean
    EarlyWarningScores earlyWarningScores(
            EarlyWarningScorer scorer,
            NameScorer names,
            ModelRegistry models,
            AlertRepository alerts,
            AuthoritativeRecord record) {
        return new EarlyWarningScores(scorer, names, models, alerts, record);
    }

    @Bean
    BriefingBuilder briefingBuilder(
            EarlyWarningScores scores, SignalRepository signals, AuthoritativeRecord record, Methodology methodology) {
        return new BriefingBuilder(scores, signals, record, methodology);
    }

    @Bean
    AlertEventHub alertEventHub(MongoDatabase database) {
        return new AlertEventHub(listener -> new AlertEventFeed(database, listener));
    }

    @Bean
    SubscriptionRepository subscriptionRepository(MongoDatabase database) {
        return new SubscriptionRepository(database);
    }

    @Bean
    DeliveryRepository deliveryRepository(MongoDatabase database) {
        return new DeliveryRepository(database);
    }

    @Bean
    DeliveryPlanner deliveryPlanner(
            AlertEventLog events,
            SubscriptionRepository subscriptions,
            DeliveryRepository deliveries,
            Methodology methodology,
            UserRepository users,
            MongoDatabase database,
            InstantSource clock) {
        return new DeliveryPlanner(
                events,
                subscriptions,
                deliveries,
                methodology,
                name -> users.find(name).map(User::clearance),
                database,
                clock,
                InstantSource.system(),
                Duration.ofSeconds(30));
    }

    @Bean
    DeliveryWorker deliveryWorker(
            DeliveryRepository deliveries,
            SubscriptionRepository subscriptions,
            AlertEventLog events,
            UserRepository users,
            AlertsProperties properties,
            InstantSource clock) {
        List<Sender> senders = new ArrayList<>();
        senders.add(new WebhookSender(properties.webhookTimeout(), properties.webhookAllowPrivateAddresses(), clock));
        AlertsProperties.Smtp smtp = properties.smtp();
        if (smtp.configured()) {
            senders.add(new EmailSender(new SmtpSettings(
                    smtp.host(), smtp.port(), smtp.from(), smtp.username(), smtp.password(), smtp.startTls())));
            LOG.info("E-mail subscriptions go out through {}:{}", smtp.host(), smtp.port());
        }
        return new DeliveryWorker(
                deliveries,
                subscriptions,
                events,
                senders,
                name -> users.find(name).map(User::clearance),
                new RetryPolicy(properties.deliveryAttempts(), properties.retryFirst(), properties.retryLongest()),
                clock);
    }

    @Bean
    DeliveryScheduler deliveryScheduler(
            DeliveryPlanner planner, DeliveryWorker worker, SourceLock lock, AlertsProperties properties) {
        return new DeliveryScheduler(planner, worker, lock, properties);
    }

    @Bean
    DigestRepository digestRepository(AlertsModule alerts) {
        return alerts.archive();
    }

    @Bean
    DigestService digestService(AlertsModule alerts) {
        return alerts.digests();
    }

    @Bean
    DigestRenderer digestRenderer() {
        return new DigestRenderer();
    }

    @Bean(destroyMethod = "close")
    WeeklyDigestSchedule weeklyDigestSchedule(AlertsModule alerts, AlertsProperties properties) {
        DigestSchedule digests = alerts.settings().digests();
        WeeklyDigestSchedule schedule = new WeeklyDigestSchedule(alerts.digests(), digests);
        if (properties.digestsEnabled()) {
            schedule.start();
            LOG.info("Weekly digests at '{}' ({})", digests.cron(), digests.zone());
        }
        return schedule;
    }

    static AlertInputs.Sources sourceHealth(SourceRepository sources, HealthAssessor health) {
        List<Source> enabled = sources.enabled();
        Map<String, String> titles = new LinkedHashMap<>();
        enabled.forEach(s -> titles.put(s.id().value(), s.title()));
        return new AlertInputs.Sources(
                enabled.stream().map(s -> health.assess(s.id().value())).toList(), titles);
    }

    @Bean
    AlertEvaluationScheduler alertEvaluationScheduler(
            AlertEngine engine, SourceLock lock, AlertsProperties properties) {
        return new AlertEvaluationScheduler(engine, lock, properties);
    }
}
