package com.cruddur.messaging.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applied migrations whose comments were reworded afterwards. Flyway records each applied migration's checksum and
 * refuses to start when the file's differs; migrations 4, 5, 7 and 8 changed in their first comment line only (a
 * reference to a document outside the repository gave way to the rule itself), not in a statement. A database that
 * applied the earlier wording has its recorded checksum moved to the new one — only where it is exactly the earlier
 * wording's, so any other change to an applied migration still stops the start, as Flyway means it to.
 */
final class RewordedMigrations {
    /** Flyway's checksum (CRC-32 of the file's lines) before and after the rewording. */
    record Rewording(String version, int before, int after) {
    }

    static final List<Rewording> REWORDINGS = List.of(
            new Rewording("4", 1420873142, 828184153),
            new Rewording("5", 1547517969, 1507207386),
            new Rewording("7", -469823334, 1432679428),
            new Rewording("8", 471742041, 1345171637));

    private RewordedMigrations() {
    }

    /** Moves the recorded checksums of the earlier wordings to the new ones; returns how many rows it moved. */
    static int acknowledge(Connection connection) throws SQLException {
        if (!historyExists(connection)) {
            return 0;
        }
        int moved = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE flyway_schema_history SET checksum = ? WHERE version = ? AND checksum = ?")) {
            for (Rewording rewording : REWORDINGS) {
                update.setInt(1, rewording.after());
                update.setString(2, rewording.version());
                update.setInt(3, rewording.before());
                moved += update.executeUpdate();
            }
        }
        return moved;
    }

    private static boolean historyExists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
