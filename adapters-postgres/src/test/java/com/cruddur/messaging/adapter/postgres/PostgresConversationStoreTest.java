package com.cruddur.messaging.adapter.postgres;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.contract.ConversationStoreContract;
import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The domain's contract, unchanged, against a real PostgreSQL. */
class PostgresConversationStoreTest extends ConversationStoreContract {

    @Override
    protected ConversationStore store() {
        return PostgresEngine.store();
    }

    @Override
    protected boolean holdsText(String text) {
        return anyRowHolds(text);
    }

    /** Every row of the conversation tables, each as its whole text. */
    static boolean anyRowHolds(String text) {
        String everyRow = "SELECT 1 FROM (SELECT t::text AS row FROM messages t UNION ALL "
                + "SELECT t::text FROM message_group_summaries t UNION ALL SELECT t::text FROM client_message_ids t "
                + "UNION ALL SELECT t::text FROM message_groups t) rows WHERE strpos(row, ?) > 0 LIMIT 1";
        String url = PostgresEngine.shared().getRequiredProperty("datasources.default.url", String.class);
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresEngine.USER, "");
             PreparedStatement query = connection.prepareStatement(everyRow)) {
            query.setString(1, text);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
