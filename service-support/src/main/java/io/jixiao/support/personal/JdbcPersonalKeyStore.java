package io.jixiao.support.personal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The data keys in the service's own database, table {@code personal_data_key} (support migration V0_6). */
public class JdbcPersonalKeyStore implements PersonalKeyStore {
    private final JdbcTemplate jdbc;

    public JdbcPersonalKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<byte[]> find(String districtCode, String personId) {
        return jdbc.query("SELECT wrapped_key FROM personal_data_key WHERE district_code = ? AND person_id = ?",
                (rs, i) -> rs.getBytes(1), districtCode, personId).stream().findFirst();
    }

    @Override
    public byte[] putIfAbsent(String districtCode, String personId, byte[] wrapped) {
        jdbc.update("INSERT INTO personal_data_key (district_code, person_id, wrapped_key) VALUES (?, ?, ?) "
                + "ON CONFLICT (district_code, person_id) DO NOTHING", districtCode, personId, wrapped);
        return find(districtCode, personId).orElseThrow();
    }

    @Override
    public boolean delete(String districtCode, String personId) {
        return jdbc.update("DELETE FROM personal_data_key WHERE district_code = ? AND person_id = ?", districtCode,
                personId) > 0;
    }

    @Override
    public List<WrappedKey> all() {
        return jdbc.query("SELECT district_code, person_id, wrapped_key FROM personal_data_key "
                + "ORDER BY district_code, person_id", (rs, i) -> new WrappedKey(rs.getString(1), rs.getString(2),
                rs.getBytes(3)));
    }

    @Override
    public boolean replace(String districtCode, String personId, byte[] wrapped, byte[] rewrapped) {
        return jdbc.update("UPDATE personal_data_key SET wrapped_key = ? WHERE district_code = ? AND person_id = ? "
                + "AND wrapped_key = ?", rewrapped, districtCode, personId, wrapped) > 0;
    }
}
