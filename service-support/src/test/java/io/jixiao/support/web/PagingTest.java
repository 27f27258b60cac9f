package io.jixiao.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.support.web.Paging.Page;
import io.jixiao.support.web.Paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class PagingTest {
    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void limitDefaultsTo500AndMustBeBetween1And5000() {
        assertThat(Paging.request(null, null).limit()).isEqualTo(500);
        assertThat(Paging.request(5000, null).limit()).isEqualTo(5000);
        for (int bad : new int[] {0, -1, 5001, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> Paging.request(bad, null)).isInstanceOf(Paging.BadParameter.class)
                    .satisfies(e -> assertThat(((Paging.BadParameter) e).field()).isEqualTo("limit"));
        }
        assertThatThrownBy(() -> Paging.request(10, "x").afterNumber())
                .satisfies(e -> assertThat(((Paging.BadParameter) e).field()).isEqualTo("after"));
        assertThat(Paging.request(10, "42").afterNumber()).isEqualTo(42);
        assertThat(Paging.request(10, null).afterNumber()).isEqualTo(-1);
    }

    @Test
    void slicingAListPageByPageGivesEveryItemExactlyOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.add(String.format("u%02d", i));
        }
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String after = null;
        do {
            Page<String> page = Paging.slice(ids, Paging.request(7, after), Function.identity());
            seen.addAll(page.items());
            sizes.add(page.items().size());
            after = page.next();
        } while (after != null && sizes.size() < 10);
        assertThat(sizes).containsExactly(7, 7, 7, 2);
        assertThat(seen).isEqualTo(ids);
        // exactly one page full: no next page
        assertThat(Paging.slice(ids.subList(0, 7), Paging.request(7, null), Function.identity()).next()).isNull();
        assertThatThrownBy(() -> Paging.slice(ids, Paging.request(7, "nope"), Function.identity()))
                .satisfies(e -> assertThat(((Paging.BadParameter) e).field()).isEqualTo("after"));
    }

    @Test
    void theNextLinkIsTheRequestWithAfterAndLimitReplaced() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/budget/districts/430203/units");
        request.setQueryString("asOf=2023-08-31T10%3A00%3A00Z&after=u06&limit=7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        PageRequest page = Paging.request(7, "u06");
        HttpHeaders headers = Paging.headers(new Page<>(List.of("u07"), "u13"), page);
        assertThat(headers.getFirst(HttpHeaders.LINK)).isEqualTo(
                "</api/budget/districts/430203/units?asOf=2023-08-31T10%3A00%3A00Z&after=u13&limit=7>; rel=\"next\"");
        assertThat(Paging.headers(new Page<>(List.of("u22"), null), page).containsKey(HttpHeaders.LINK)).isFalse();
        // a query with characters a URI may not hold unencoded comes back encoded
        request.setQueryString("name=a|b&limit=7");
        assertThat(Paging.headers(new Page<>(List.of("u07"), "u13"), page).getFirst(HttpHeaders.LINK)).isEqualTo(
                "</api/budget/districts/430203/units?name=a%7Cb&after=u13&limit=7>; rel=\"next\"");
    }
}
