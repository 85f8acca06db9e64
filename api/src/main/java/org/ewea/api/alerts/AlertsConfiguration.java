package org.ewea.api.alerts;

import com.mongodb.client.MongoDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewea.alerts.action.ActionPlanner;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.lifecycle.AlertLifecycle;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.digest.DigestBuilder;
import org.ewea.alerts.digest.DigestRenderer;
import org.ewea.alerts.digest.DigestRepository;
import org.ewea.alerts.digest.DigestService;
import org.ewea.alerts.digest.WeeklyDigestSchedule;
import org.ewea.alerts.engine.AlertEngine;
import org.ewea.alerts.engine.AlertEvaluator;
import org.ewea.alerts.engine.AlertInputs;
import org.ewea.alerts.event.AlertEventFeed;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.alerts.rule.AlertRuleFile;
import org.ewea.alerts.rule.AlertRuleValidator;
import org.ewea.alerts.rule.RuleBook;
import org.ewea.api.config.AlertsProperties;
import org.ewea.collectors.harvest.HealthAssessor;
import org.ewea.collectors.schedule.SourceLock;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.source.SourceRepository;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.warning.EarlyWarningScorer;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.ScoreEvidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.time.Duration;
import java.time.InstantSource;
import org.ewea.alerts.delivery.DeliveryPlanner;
import org.ewea.alerts.delivery.DeliveryRepository;
import org.ewea.alerts.delivery.DeliveryWorker;
import org.ewea.alerts.delivery.EmailSender;
import org.ewea.alerts.delivery.RetryPolicy;
import org.ewea.alerts.delivery.Sender;
import org.ewea.alerts.delivery.SmtpSettings;
import org.ewea.alerts.delivery.SubscriptionRepository;
import org.ewea.alerts.delivery.WebhookSender;
import org.ewea.api.security.User;
import org.ewea.api.security.UserRepository;

/** Alerts' collections, rule engine, lifecycle, event feed and schedule. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsConfiguration.class);

    @Bean
    AlertRepository alertRepository(MongoDatabase database) {
        AlertRepository alerts = new AlertRepository(database);
        alerts.ensureIndexes();
        return alerts;
    }

    @Bean
    AlertEventLog alertEventLog(MongoDatabase database) {
        return new AlertEventLog(database);
    }

    @Bean
    ActionRepository actionRepository(MongoDatabase database) {
        return new ActionRepository(database);
    }

    @Bean
    AlertRuleValidator alertRuleValidator(Methodology methodology) {
        return new AlertRuleValidator(methodology);
    }

    @Bean
    RuleBook ruleBook(AlertRuleValidator validator, AlertsProperties properties, MongoDatabase database) {
        var rules = new AlertRuleFile(validator).read(properties.rulesFile());
        LOG.info("Alert rules: {} from {}", rules.size(), properties.rulesFile() == null ? "the shipped defaults"
                : properties.rulesFile());
        return new RuleBook(rules, database);
    }

    @Bean
    AlertRaiser alertRaiser(AlertRepository alerts, AlertEventLog events, InstantSource clock) {
        return new AlertRaiser(alerts, events, clock);
    }

    @Bean
    AlertLifecycle alertLifecycle(AlertRepository alerts, AlertEventLog events, Methodology methodology,
            InstantSource clock) {
        return new AlertLifecycle(alerts, events, methodology, clock);
    }

    @Bean
    ActionPlanner actionPlanner(Methodology methodology, ActionRepository actions, InstantSource clock) {
        return new ActionPlanner(methodology, actions, clock);
    }

    @Bean
    AlertEngine alertEngine(RuleBook rules, Methodology methodology, ScoreEvidence evidence, ItemRepository items,
            AlertRaiser raiser, ActionPlanner planner, EarlyWarningScorer scorer, ModelRegistry models,
            SignalRepository signals, SourceRepository sources, HealthAssessor health, InstantSource clock,
            org.ewea.scoring.terms.CandidateFinder candidates, org.ewea.scoring.warning.CountedMarkings counted) {
        return new AlertEngine(rules, new AlertEvaluator(methodology, evidence, items, counted), raiser, planner, scorer,
                models, signals, () -> sourceHealth(sources, health), clock, day -> candidates.find(day, false));
    }

    /**
     * The authoritative record early warnings are measured against: CVEs by the authoritative sources' items, ATT&CK
     * groups and software by the configured ATT&CK data ({@code EWEA_COLLECTORS_ATTACK_DATA}), or else, with the demo,
     * by the demo's copy of ATT&CK.
     */
    @Bean
    org.ewea.alerts.lead.AuthoritativeRecord authoritativeRecord(SignalRepository signals,
            org.ewea.api.config.ScoringProperties scoring, org.ewea.collectors.enrich.AttackNames attack,
            org.ewea.api.demo.DemoRecording demo, org.ewea.methodology.definition.Methodology methodology) {
        return new org.ewea.alerts.lead.AuthoritativeRecord(reader -> signals.readBy(reader).firstMentionedBy(
                scoring.authoritativeSources()), attack.names().isEmpty() ? demo.attackRecord() : attack,
                methodology.authorityWarnings());
    }

    @Bean
    org.ewea.alerts.lead.EarlyWarnings earlyWarnings(AlertRepository alerts,
            org.ewea.alerts.lead.AuthoritativeRecord record) {
        return new org.ewea.alerts.lead.EarlyWarnings(alerts, record);
    }

    @Bean
    org.ewea.alerts.lead.EarlyWarningScores earlyWarningScores(EarlyWarningScorer scorer,
            org.ewea.scoring.warning.NameScorer names, ModelRegistry models, AlertRepository alerts,
            org.ewea.alerts.lead.AuthoritativeRecord record) {
        return new org.ewea.alerts.lead.EarlyWarningScores(scorer, names, models, alerts, record);
    }

    @Bean
    org.ewea.alerts.lead.BriefingBuilder briefingBuilder(org.ewea.alerts.lead.EarlyWarningScores scores,
            SignalRepository signals, org.ewea.alerts.lead.AuthoritativeRecord record, Methodology methodology) {
        return new org.ewea.alerts.lead.BriefingBuilder(scores, signals, record, methodology);
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
    DeliveryPlanner deliveryPlanner(AlertEventLog events, SubscriptionRepository subscriptions,
            DeliveryRepository deliveries, Methodology methodology, UserRepository users, MongoDatabase database,
            InstantSource clock) {
        return new DeliveryPlanner(events, subscriptions, deliveries, methodology,
                name -> users.find(name).map(User::clearance), database, clock, InstantSource.system(),
                Duration.ofSeconds(30));
    }

    @Bean
    DeliveryWorker deliveryWorker(DeliveryRepository deliveries, SubscriptionRepository subscriptions,
            AlertEventLog events, UserRepository users, AlertsProperties properties, InstantSource clock) {
        List<Sender> senders = new java.util.ArrayList<>();
        senders.add(new WebhookSender(properties.webhookTimeout(), properties.webhookAllowPrivateAddresses(), clock));
        AlertsProperties.Smtp smtp = properties.smtp();
        if (smtp.configured()) {
            senders.add(new EmailSender(new SmtpSettings(smtp.host(), smtp.port(), smtp.from(), smtp.username(),
                    smtp.password(), smtp.startTls())));
            LOG.info("E-mail subscriptions go out through {}:{}", smtp.host(), smtp.port());
        }
        return new DeliveryWorker(deliveries, subscriptions, events, senders,
                name -> users.find(name).map(User::clearance), new RetryPolicy(properties.deliveryAttempts(),
                        properties.retryFirst(), properties.retryLongest()), clock);
    }

    @Bean
    DeliveryScheduler deliveryScheduler(DeliveryPlanner planner, DeliveryWorker worker, SourceLock lock,
            AlertsProperties properties) {
        return new DeliveryScheduler(planner, worker, lock, properties);
    }

    @Bean
    DigestRepository digestRepository(MongoDatabase database) {
        return new DigestRepository(database);
    }

    @Bean
    DigestService digestService(EarlyWarningScorer scorer, ModelRegistry models, SignalRepository signals,
            ScoreEvidence evidence, org.ewea.scoring.warning.CountedMarkings counted, AlertRepository alerts, ActionRepository actions, ItemRepository items,
            SourceRepository sources, HealthAssessor health, Methodology methodology, DigestRepository archive,
            InstantSource clock) {
        return new DigestService(new DigestBuilder(scorer, models, signals, evidence, counted, alerts, actions, items,
                () -> sourceHealth(sources, health), methodology, clock), archive);
    }

    @Bean
    DigestRenderer digestRenderer() {
        return new DigestRenderer();
    }

    @Bean(destroyMethod = "close")
    WeeklyDigestSchedule weeklyDigestSchedule(DigestService digests, AlertsProperties properties) {
        WeeklyDigestSchedule schedule = new WeeklyDigestSchedule(digests, List.of("analyst", "policy", "trainer"),
                properties.digestCron(), properties.digestZone());
        if (properties.digestsEnabled()) {
            schedule.start();
            LOG.info("Weekly digests at '{}' ({})", properties.digestCron(), properties.digestZone());
        }
        return schedule;
    }

    static AlertInputs.Sources sourceHealth(SourceRepository sources, HealthAssessor health) {
        List<Source> enabled = sources.enabled();
        Map<String, String> titles = new LinkedHashMap<>();
        enabled.forEach(s -> titles.put(s.id().value(), s.title()));
        return new AlertInputs.Sources(enabled.stream().map(s -> health.assess(s.id().value())).toList(), titles);
    }

    @Bean
    AlertEvaluationScheduler alertEvaluationScheduler(AlertEngine engine, SourceLock lock,
            AlertsProperties properties) {
        return new AlertEvaluationScheduler(engine, lock, properties);
    }
}
