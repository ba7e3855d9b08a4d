package org.moneytree.persistence.internal;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.moneytree.api.purchase.Purchase;

/**
 * Gives each purchase of a batch a key that is the same whenever the same line is imported again. Source
 * files rarely carry a line id, so the key is a digest of all the line's fields plus its occurrence number
 * among identical lines of the batch: the second of two identical lines is a second purchase, and an
 * overlapping extract repeats the same keys.
 */
final class PurchaseKeys {

    private PurchaseKeys() {
    }

    static String[] keysOf(List<Purchase> purchases) {
        MessageDigest digest = sha256();
        Map<String, Integer> occurrences = new HashMap<>(purchases.size() * 2);
        String[] keys = new String[purchases.size()];
        for (int i = 0; i < keys.length; i++) {
            Purchase purchase = purchases.get(i);
            String fields = purchase.customerId() + '\u001f' + purchase.date() + '\u001f'
                    + purchase.quantity().stripTrailingZeros().toPlainString() + '\u001f'
                    + purchase.revenue().setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + '\u001f'
                    + (purchase.orderId() == null ? "" : purchase.orderId());
            int occurrence = occurrences.merge(fields, 1, Integer::sum);
            byte[] hash = digest.digest((fields + '\u001f' + occurrence).getBytes(StandardCharsets.UTF_8));
            keys[i] = HexFormat.of().formatHex(hash);
        }
        return keys;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
