package dev.toolgate.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormDecoderTest {

    @Test
    void decode_bracketNesting_buildsObjectsAndArrays() {
        var tree = FormDecoder.decode("a=1&metadata[k]=v%20w&address[city]=Paris&expand[]=x&expand[]=y"
                + "&items[0][price]=p1&items[1][price]=p2&items[1][quantity]=3&name=Jane+Doe");
        assertThat(tree.toString())
                .isEqualTo("{\"a\":\"1\",\"metadata\":{\"k\":\"v w\"},\"address\":{\"city\":"
                        + "\"Paris\"},\"expand\":[\"x\",\"y\"],\"items\":{\"0\":{\"price\":\"p1\"},\"1\":{\"price\":\"p2\","
                        + "\"quantity\":\"3\"}},\"name\":\"Jane Doe\"}");
        Params params = new Params(tree);
        assertThat(params.list("items")).hasSize(2);
        assertThat(params.strings("expand")).containsExactly("x", "y");
    }

    @Test
    void decode_appendedObjects_startANewElementWhenAKeyRepeats() {
        var tree = FormDecoder.decode("items[][price]=a&items[][quantity]=1&items[][price]=b");
        assertThat(tree.toString()).isEqualTo("{\"items\":[{\"price\":\"a\",\"quantity\":\"1\"},{\"price\":\"b\"}]}");
    }

    @Test
    void decode_mixedForms_areRefused() {
        assertThatThrownBy(() -> FormDecoder.decode("expand[]=a&expand[b]=c")).isInstanceOf(StripeException.class);
        assertThatThrownBy(() -> FormDecoder.decode("a[b=1")).isInstanceOf(StripeException.class);
    }

    @Test
    void params_plainValueWhereArrayExpected_isInvalidArray() {
        Params params = new Params(FormDecoder.decode("expand=customer"));
        assertThatThrownBy(() -> params.strings("expand")).hasMessage("Invalid array");
    }
}
