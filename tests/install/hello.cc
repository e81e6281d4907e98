// hello.cc - kg's public API from C++ (the headers' extern "C"), compiled
// by tests/cli/install.sh with g++ and `pkg-config --cflags --libs kg`
// only: the article in the file argv[1] to a graph, then "nodes N" and
// one "edge SOURCE RELATION TARGET" line an edge, in the graph's order.
#include <kg.h>

#include <cstdio>
#include <memory>
#include <string>

namespace
{

// kg's objects, freed by their own _free whichever way main returns
struct free_resources {
    void operator()(kg_resources *r) const
    {
        kg_resources_free(r);
    }
};
struct free_document {
    void operator()(kg_document *d) const
    {
        kg_document_free(d);
    }
};
struct free_graph {
    void operator()(kg_graph *g) const
    {
        kg_graph_free(g);
    }
};

int fail(const kg_error &err)
{
    std::fprintf(stderr, "hello++: %s\n", err.message);
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fputs("usage: hello++ FILE\n", stderr);
        return 2;
    }
    kg_error err = {};
    kg_resources_options ro = {nullptr, true};
    kg_resources *raw_r = nullptr;
    if (kg_resources_load(&ro, &raw_r, &err) != KG_OK)
        return fail(err);
    std::unique_ptr<kg_resources, free_resources> r(raw_r);

    kg_extract_options eo;
    kg_extract_options_init(&eo);
    kg_document *raw_d = nullptr;
    if (kg_extract_file(r.get(), &eo, argv[1], &raw_d, &err) != KG_OK)
        return fail(err);
    std::unique_ptr<kg_document, free_document> d(raw_d);

    std::unique_ptr<kg_graph, free_graph> g(kg_graph_new());
    if (!g) {
        kg_error_set(&err, KG_ERR_NOMEM, "out of memory");
        return fail(err);
    }
    if (kg_graph_add_document(g.get(), d.get(), &err) != KG_OK ||
        kg_graph_sort(g.get(), &err) != KG_OK)
        return fail(err);
    std::printf("nodes %zu\n", kg_graph_node_count(g.get()));
    for (std::size_t i = 0; i < kg_graph_edge_count(g.get()); i++) {
        const kg_edge *e = kg_graph_edge(g.get(), i);
        std::string line = std::string("edge ") + kg_graph_node(g.get(), e->source)->id + " " +
                           e->relation + " " + kg_graph_node(g.get(), e->target)->id;
        std::puts(line.c_str());
    }
    return 0;
}
