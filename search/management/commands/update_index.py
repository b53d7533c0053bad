"""`update_index` as Wagtail ships it (a new index filled beside the old one,
then an alias swapped, so searches keep answering), with a progress bar per
model: objects done of the total, rate and time left, instead of a dot per
thousand objects."""

from tqdm import tqdm
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex


class Command(WagtailUpdateIndex):
    def queryset_chunks(self, qs, chunk_size=1000):
        # Runs when the first chunk is asked for, before the bar is drawn.
        self.objects_to_index = qs.count()
        yield from super().queryset_chunks(qs, chunk_size)

    def print_iter_progress(self, iterable):
        bar = None
        try:
            for chunk in iterable:
                if bar is None and self.verbosity > 0:
                    # Made with the first chunk, when the total is known. On
                    # the raw stream: Django's wrapper would end each redraw
                    # with a new line.
                    bar = tqdm(
                        total=self.objects_to_index,
                        unit=" objects",
                        file=self.stdout._out,
                        dynamic_ncols=True,
                        mininterval=0.5,
                    )
                yield chunk
                if bar is not None:
                    bar.update(len(chunk))
        finally:
            if bar is not None:
                bar.close()
