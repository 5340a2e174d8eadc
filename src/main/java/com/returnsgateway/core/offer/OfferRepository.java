package com.returnsgateway.core.offer;

import com.returnsgateway.core.model.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Offers, one per case. Answering is a conditional update: of two answers (or an answer and the sweep) one wins. */
@Repository
public class OfferRepository {

    private final JdbcClient jdbc;

    public OfferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the offer unless the case has one (a resumed case keeps its first offer); returns the one that holds. */
    public Offer insertIfAbsent(Offer offer) {
        jdbc.sql("""
                        INSERT INTO offer (case_id, amount, currency, nonce, offered_at, expires_at)
                        VALUES (:caseId, :amount, :currency, :nonce, :offeredAt, :expiresAt)
                        ON CONFLICT (case_id) DO NOTHING""")
                .param("caseId", offer.caseId())
                .param("amount", offer.amount().amount())
                .param("currency", offer.amount().currency())
                .param("nonce", offer.nonce())
                .param("offeredAt", Timestamp.from(offer.offeredAt()))
                .param("expiresAt", Timestamp.from(offer.expiresAt()))
                .update();
        return find(offer.caseId()).orElseThrow();
    }

    public Optional<Offer> find(String caseId) {
        return jdbc.sql("SELECT * FROM offer WHERE case_id = :id").param("id", caseId)
                .query(OfferRepository::map).optional();
    }

    /** The offer, locked until the transaction ends. */
    public Optional<Offer> lock(String caseId) {
        return jdbc.sql("SELECT * FROM offer WHERE case_id = :id FOR UPDATE").param("id", caseId)
                .query(OfferRepository::map).optional();
    }

    /** Records the answer if the offer is still open; false when it was answered (or expired) before. */
    public boolean answer(String caseId, Offer.Answer answer, Instant now) {
        return jdbc.sql("""
                        UPDATE offer SET answer = :answer, answered_at = :now
                        WHERE case_id = :id AND answered_at IS NULL""")
                .param("answer", answer.name())
                .param("now", Timestamp.from(now))
                .param("id", caseId)
                .update() == 1;
    }

    /** Open offers whose deadline has passed. */
    public List<String> expiredOpen(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT case_id FROM offer WHERE answered_at IS NULL AND expires_at <= :now
                        ORDER BY expires_at LIMIT :limit""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(String.class).list();
    }

    /** Cases whose buyer accepted the offer and whose partial refund went out: they only wait to be closed. */
    public List<String> acceptedAndRefunded(int limit) {
        return jdbc.sql("""
                        SELECT o.case_id FROM offer o JOIN return_case c ON c.case_id = o.case_id
                        WHERE o.answer = 'ACCEPTED' AND c.status = 'REFUNDED' LIMIT :limit""")
                .param("limit", limit)
                .query(String.class).list();
    }

    private static Offer map(ResultSet rs, int row) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        String answer = rs.getString("answer");
        return new Offer(rs.getString("case_id"),
                new Money(rs.getBigDecimal("amount"), rs.getString("currency").trim()),
                rs.getString("nonce"),
                rs.getTimestamp("offered_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                answered == null ? null : answered.toInstant(),
                answer == null ? null : Offer.Answer.valueOf(answer));
    }
}
