package com.cruddur.messaging.adapter.http.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * The key that signs dev tokens: made on first use and kept in {@code cruddur.dev.key-file}, so the
 * service and the command line agree on it. It exists only in the {@code dev} environment and never
 * together with {@code prod}; no production configuration can reach it.
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
@Requires(notEnv = "prod")
public final class DevSigningKey {
    private final RSAKey key;

    public DevSigningKey(@Value("${cruddur.dev.key-file:}") String keyFile) {
        Path file = keyFile.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "cruddur-dev-signing-key.json")
                : Path.of(keyFile);
        this.key = loadOrCreate(file);
    }

    RSAKey key() {
        return key;
    }

    /**
     * Instances starting at once on one key file must end up with one key: a new key is written to a file of its
     * own and then linked to the key file's name, which fails if another instance linked its key first — then
     * that one is read. Nobody reads a key file half written.
     */
    private static synchronized RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey created = new RSAKeyGenerator(2048).keyID("cruddur-dev").keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            // Created readable by its owner only (createTempFile's mode where the file system has modes).
            Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".new");
            try {
                Files.writeString(draft, created.toJSONString());
                Files.createLink(file, draft);
                return created;
            } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                return RSAKey.parse(Files.readString(file));
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the dev signing key at " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the dev signing key at " + file + " is unusable; delete it to make a new one", e);
        }
    }
}
