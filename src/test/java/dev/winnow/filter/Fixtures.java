package dev.winnow.filter;

import java.util.ArrayList;
import java.util.List;

/** Small hand-written articles (Spanish and English) for the filter tests. */
final class Fixtures {
    static final String ES_TITLE = "La sequía deja el embalse de La Viñuela al 12 % y Málaga prepara restricciones de agua";
    static final List<String> ES_BODY = List.of(
            "El embalse de La Viñuela, principal reserva de agua de la Axarquía, se encuentra al 12 % de su "
                    + "capacidad tras tres años de lluvias muy por debajo de la media, según los datos publicados "
                    + "este lunes por la Junta de Andalucía.",
            "La empresa municipal de aguas de Málaga ha advertido de que, si no llueve en otoño, será necesario "
                    + "reducir la presión del agua por la noche y limitar el riego de parques y jardines.",
            "Restricciones nocturnas en la Axarquía",
            "Los municipios de la Axarquía ya aplican cortes de agua nocturnos desde el verano. Los alcaldes "
                    + "piden a la Junta que acelere las obras de la desaladora y el trasvase desde el embalse "
                    + "de Iznájar.",
            "La Junta calcula que la desaladora portátil podrá aportar agua potable a unos 40.000 vecinos de la "
                    + "comarca a partir de la próxima primavera, cuando terminen las obras.",
            "Los agricultores de aguacate y mango, que dependen del riego del embalse, temen perder buena parte "
                    + "de la cosecha si la sequía se prolonga y las restricciones de agua llegan a los regantes.",
            "Mientras tanto, el ayuntamiento ha lanzado una campaña para pedir a los vecinos un consumo "
                    + "responsable del agua en casa: duchas cortas, lavadoras llenas y nada de riego en horas de sol.");

    static final String EN_TITLE = "Carmaker opens battery plant in Ohio as electric vehicle sales climb";
    static final List<String> EN_BODY = List.of(
            "The carmaker opened its first battery plant in Ohio on Tuesday, a factory that will build cells for "
                    + "the electric vehicles it plans to sell in North America from next year.",
            "The plant will employ about 2,000 workers and produce enough battery cells for 300,000 vehicles a "
                    + "year, the company said, as sales of electric cars keep climbing in the United States.",
            "Cheaper cells, longer range",
            "Executives said making the cells in Ohio would cut the cost of each battery by about a fifth and "
                    + "let the company offer electric vehicles with a longer driving range at a lower price.",
            "The factory will also recycle old battery packs, recovering lithium, nickel and cobalt that can be "
                    + "used again in new cells at the plant.",
            "Union leaders welcomed the jobs but said they would press the carmaker for the same wages at the "
                    + "battery plant as at its engine factories in the state.",
            "Analysts expect electric vehicle sales to keep rising this year, helped by tax credits for cars "
                    + "whose battery cells are made in North America.");

    /** Other articles of the same languages, so the corpus has document frequencies to weigh terms with. */
    static final List<FilterInput> CORPUS = List.of(
            article("es-1", "El Real Madrid gana al Sevilla con un gol en el último minuto", "es",
                    "El Real Madrid ganó este domingo al Sevilla por dos goles a uno en un partido decidido en el "
                            + "último minuto por un cabezazo tras un córner.",
                    "El entrenador del Sevilla se quejó del arbitraje y de un penalti no señalado en la primera parte."),
            article("es-2", "El Gobierno aprueba la subida del salario mínimo para este año", "es",
                    "El Consejo de Ministros ha aprobado este martes la subida del salario mínimo, que beneficiará "
                            + "a cerca de dos millones de trabajadores según el Gobierno.",
                    "Los empresarios advierten de que la subida puede frenar la creación de empleo en el campo y "
                            + "en la hostelería."),
            article("en-1", "Central bank holds interest rates as inflation cools", "en",
                    "The central bank kept interest rates unchanged on Wednesday, saying inflation had cooled but "
                            + "remained above its target.",
                    "Markets had expected the decision, and stocks rose slightly after the announcement."),
            article("en-2", "Storm brings floods and power cuts to the south coast", "en",
                    "Heavy rain and strong winds brought flooding and power cuts to towns along the south coast "
                            + "overnight, with thousands of homes left without electricity.",
                    "Forecasters warned that more rain was expected over the weekend."));

    private Fixtures() {
    }

    static FilterInput article(String url, String title, String lang, String... paragraphs) {
        return new FilterInput(url, title, List.of(paragraphs), lang, List.of());
    }

    /** An article from {@code src/test/resources/filter/NAME}: its first line is the title, each other a paragraph. */
    static FilterInput resource(String name, String lang) throws java.io.IOException {
        try (java.io.InputStream is = Fixtures.class.getResourceAsStream("/filter/" + name)) {
            if (is == null) {
                throw new java.io.FileNotFoundException("/filter/" + name);
            }
            List<String> lines = new String(is.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().filter(l -> !l.isBlank()).toList();
            return new FilterInput("u:" + name, lines.get(0), lines.subList(1, lines.size()), lang, List.of());
        }
    }

    /** The body with {@code line} inserted before position {@code at}. */
    static List<String> inject(List<String> body, int at, String line) {
        List<String> out = new ArrayList<>(body);
        out.add(at, line);
        return out;
    }

    /** The indices of the lines the verdicts remove. */
    static List<Integer> removed(List<LineVerdict> verdicts) {
        return verdicts.stream().filter(LineVerdict::removed).map(LineVerdict::index).toList();
    }

    /** Corpus statistics of the fixture corpus plus the given articles. */
    static CorpusStats statsWith(FilterInput... articles) {
        List<FilterInput> all = new ArrayList<>(CORPUS);
        all.addAll(List.of(articles));
        return BatchCorpusStats.of(CorpusStats.EMPTY, all);
    }
}
