package dev.locksmith.jdbc;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * {@link AuditTrail} in SQL: an append-only table whose sequence numbers come from an identity column, so
 * they increase across every process sharing the database. {@link #record} joins the store's current
 * transaction, so an event commits with the change it describes or not at all.
 *
 * <p>Instants are kept to the microsecond. Obtained from {@link JdbiStore#auditTrail()}. Thread-safe. Throws
 * only {@link UnavailableException} (database failure).
 */
public final class JdbiAuditTrail implements AuditTrail {
    private final Database db;
    private final String table;

    JdbiAuditTrail(Database db) {
        this.db = db;
        this.table = db.tables().auditTrail();
    }

    @Override
    public long record(AuditEvent event) {
        return db.write(
                "record an audit event",
                h -> h.createUpdate("INSERT INTO " + table
                                + " (occurred_at, actor, action, target, outcome, code, details) "
                                + "VALUES (:at, :actor, :action, :target, :outcome, :code, :details)")
                        .bind("at", SqlValues.timestamp(event.at()))
                        .bind("actor", event.actor().map(Username::value).orElse(null))
                        .bind("action", event.action().name())
                        .bind("target", event.target().map(Username::value).orElse(null))
                        .bind("outcome", event.outcome().name())
                        .bind("code", event.code())
                        .bind("details", AuditDetails.encode(event.details()))
                        .executeAndReturnGeneratedKeys()
                        .map((rs, ctx) -> rs.getLong("seq"))
                        .one());
    }

    @Override
    public List<AuditRecord> read(Query query) {
        return db.call("read the audit trail", h -> {
            StringBuilder sql = new StringBuilder(
                            "SELECT seq, occurred_at, actor, action, target, outcome, code, details FROM ")
                    .append(table)
                    .append(" WHERE 1 = 1");
            query.user().ifPresent(u -> sql.append(" AND (actor = :user OR target = :user)"));
            query.before().ifPresent(b -> sql.append(" AND seq < :before"));
            sql.append(" ORDER BY seq DESC FETCH FIRST :rows ROWS ONLY");
            org.jdbi.v3.core.statement.Query statement =
                    h.createQuery(sql.toString()).bind("rows", query.limit());
            query.user().ifPresent(u -> statement.bind("user", u.value()));
            query.before().ifPresent(b -> statement.bind("before", b.longValue()));
            return statement.map((rs, ctx) -> map(rs)).list();
        });
    }

    private static AuditRecord map(ResultSet rs) throws SQLException {
        try {
            String actor = rs.getString("actor");
            String target = rs.getString("target");
            AuditEvent event = new AuditEvent(
                    SqlValues.instant(rs, "occurred_at").orElseThrow(),
                    Optional.ofNullable(actor).map(Username::of),
                    Operation.valueOf(rs.getString("action")),
                    Optional.ofNullable(target).map(Username::of),
                    AuditEvent.Outcome.valueOf(rs.getString("outcome")),
                    rs.getString("code"),
                    AuditDetails.decode(rs.getString("details")));
            return new AuditRecord(rs.getLong("seq"), event);
        } catch (IllegalArgumentException | InvalidInputException | NoSuchElementException e) {
            throw new UnavailableException("a stored audit record is malformed", DatabaseFailure.of(e));
        }
    }
}
