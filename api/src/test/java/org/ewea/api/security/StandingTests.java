package org.ewea.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.ewea.api.store.BlockingStore;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** A session asks again whether it stands: revoked tokens, removed users, lowered clearances and expired JWTs. */
class StandingTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private static UsernamePasswordAuthenticationToken authenticated(User user, Object standing) {
        var token = UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
        token.setDetails(standing);
        return token;
    }

    @Test
    void aTokenSessionEndsWhenItsTokenIsRevokedOrItsUserRemovedAndSeesTheClearanceOfNow() {
        var database = STORE.freshDatabase();
        InstantSource clock = InstantSource.fixed(NOW);
        UserRepository users = new UserRepository(database);
        ApiTokens tokens = new ApiTokens(database, clock);
        User amber = new User("ana", Set.of(Role.ANALYST), Tlp.AMBER, Handling.NONE, NOW);
        users.insert(amber);
        ApiTokens.Issued issued = tokens.issue("ana", "stream");
        BlockingStore store = new BlockingStore(2);
        Standing standing = new Standing(tokens, users, store, clock);
        var session = authenticated(amber, new Standing.ByToken(issued.token().id()));

        assertThat(standing.recheck(session).block()).contains(amber);
        users.update("ana", null, Tlp.GREEN, null);
        assertThat(standing.recheck(session).block()).map(User::maxTlp).contains(Tlp.GREEN);
        tokens.revoke(issued.token().id());
        assertThat(standing.recheck(session).block()).isEmpty();

        ApiTokens.Issued second = tokens.issue("ana", "stream");
        var other = authenticated(amber, new Standing.ByToken(second.token().id()));
        assertThat(standing.recheck(other).block()).isPresent();
        database.getCollection(UserRepository.COLLECTION).deleteOne(new Document("_id", "ana"));
        assertThat(standing.recheck(other).block()).isEmpty();
    }

    @Test
    void aJwtSessionStandsUntilItsTokenExpires() {
        var database = STORE.freshDatabase();
        User external = new User("ana@idp.example", Set.of(Role.ANALYST), Tlp.GREEN, Handling.NONE, NOW);
        var session = authenticated(external, new Standing.ByJwt(NOW.plusSeconds(60)));
        BlockingStore store = new BlockingStore(2);
        Standing before = new Standing(
                new ApiTokens(database, InstantSource.fixed(NOW)),
                new UserRepository(database),
                store,
                InstantSource.fixed(NOW));
        Standing after = new Standing(
                new ApiTokens(database, InstantSource.fixed(NOW)),
                new UserRepository(database),
                store,
                InstantSource.fixed(NOW.plusSeconds(61)));
        assertThat(before.recheck(session).block()).isEqualTo(Optional.of(external));
        assertThat(after.recheck(session).block()).isEmpty();
        assertThat(external.local()).isFalse();
        assertThat(User.isLocalName("ana@idp.example")).isFalse();
    }
}
