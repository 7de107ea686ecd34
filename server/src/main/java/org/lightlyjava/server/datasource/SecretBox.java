package org.lightlyjava.server.datasource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.lightlyjava.server.blob.ServerKey;

/**
 * Encrypts datasource secrets at rest: AES-256-GCM with the key in {@code datasource.key} in the
 * data folder (made on first start, mode 0600), a random 96-bit nonce per value, and the dataset
 * and purpose as associated data (a sealed value copied to another row does not open). A sealed
 * value is {@code v1:} + base64(nonce || ciphertext || tag).
 */
public final class SecretBox {

    /** The key's file in the data folder. */
    public static final String KEY_FILE = "datasource.key";

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Opens the data folder's key, creating it on first start. */
    public static SecretBox open(Path dataDir) throws IOException {
        return new SecretBox(ServerKey.loadOrCreate(dataDir, KEY_FILE));
    }

    /** Encrypts {@code secret}, bound to {@code context} (for example dataset id and purpose). */
    public String seal(String secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts a value made by {@link #seal} with the same context.
     *
     * @throws DatasourceException CREDENTIALS when it does not open (another key, another row)
     */
    public String open(String sealed, String context) {
        try {
            if (sealed == null || !sealed.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not sealed");
            }
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (in.length <= NONCE_BYTES) {
                throw new IllegalArgumentException("too short");
            }
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, context);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DatasourceException(
                    DatasourceException.Kind.CREDENTIALS,
                    "the stored secret access key cannot be decrypted (was "
                            + KEY_FILE
                            + " in the data folder replaced?); set the datasource again with"
                            + " its secret");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
